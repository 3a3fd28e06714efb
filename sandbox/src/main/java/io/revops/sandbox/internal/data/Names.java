package io.revops.sandbox.internal.data;

import java.util.List;

/** Word lists for the fictional company, its customers and people. All names are invented. */
final class Names {
  private Names() {}

  static final String COMPANY = "Larkspur Systems";
  static final String DOMAIN = "larkspur.example";

  static final List<String> FIRST_NAMES = List.of("Avery", "Blake", "Camila", "Dev", "Elena", "Farah", "Gideon",
      "Hana", "Isaac", "Jada", "Kofi", "Lena", "Mateo", "Nadia", "Omar", "Paige", "Quinn", "Rosa", "Sami", "Tariq",
      "Uma", "Victor", "Wren", "Ximena", "Yusuf", "Zoe", "Arjun", "Beatriz", "Connor", "Dalia", "Emeka", "Freya",
      "Grant", "Ines", "Jonah", "Keiko", "Luis", "Maren", "Niko", "Olivia");
  static final List<String> LAST_NAMES = List.of("Abbott", "Banerjee", "Castillo", "Dubois", "Eriksen", "Fischer",
      "Garcia", "Hoffman", "Ibarra", "Jensen", "Kowalski", "Lindqvist", "Morales", "Nakamura", "Okafor", "Petrov",
      "Quintero", "Rossi", "Sato", "Thompson", "Usman", "Vasquez", "Whitaker", "Xu", "Yilmaz", "Zimmerman", "Adeyemi",
      "Brennan", "Chowdhury", "Delgado", "Everett", "Fontaine", "Gallagher", "Haddad", "Iverson", "Jovanovic");

  static final List<String> ACCOUNT_STEMS = List.of("Blue Heron", "Cedar Point", "Copperline", "Granite Peak",
      "Harborview", "Ironwood", "Juniper", "Kestrel", "Lakeshore", "Maple Ridge", "Northgate", "Oakmont", "Pinecrest",
      "Quarry Hill", "Redwood", "Silverline", "Stonebridge", "Tidewater", "Upland", "Westbrook", "Amberfield",
      "Birchwood", "Clearwater", "Driftwood", "Evergreen", "Foxglove", "Glacier Bay", "Highland", "Indigo", "Jasper",
      "Keystone", "Lighthouse", "Meridian", "Nightingale", "Orchard", "Prairie", "Riverbend", "Sagebrush", "Thornton",
      "Valleyview");
  /** Suffixes paired with the industry picklist value they imply. */
  static final List<List<String>> ACCOUNT_KINDS = List.of(
      List.of("Software", "Technology"), List.of("Health", "Healthcare"), List.of("Bank", "Financial Services"),
      List.of("Manufacturing", "Manufacturing"), List.of("Retail Group", "Retail"), List.of("University", "Education"),
      List.of("Media", "Media"), List.of("Energy", "Energy"), List.of("Freight", "Transportation"),
      List.of("County", "Government"));

  static final List<String> PRODUCTS = List.of("Platform", "Analytics Suite", "Expansion", "Pilot",
      "Enterprise License", "Add-on Seats", "Data Connectors", "Premium Support");
  static final List<String> EAST_STATES = List.of("NY", "MA", "NJ", "PA", "GA", "FL", "NC", "VA");
  static final List<String> WEST_STATES = List.of("CA", "WA", "OR", "CO", "AZ", "UT", "TX", "NV");
  static final List<String> CITIES_EAST = List.of("New York", "Boston", "Newark", "Philadelphia", "Atlanta", "Miami",
      "Raleigh", "Richmond");
  static final List<String> CITIES_WEST = List.of("San Francisco", "Seattle", "Portland", "Denver", "Phoenix",
      "Salt Lake City", "Austin", "Las Vegas");

  static final List<String> PAST_SUBJECTS = List.of("Discovery call", "Product demo", "Pricing review",
      "Technical deep dive", "Executive briefing", "Security review", "Follow-up call");
  static final List<String> FUTURE_SUBJECTS = List.of("Contract review", "Onsite workshop", "Executive sponsor meeting",
      "Procurement call", "Implementation planning", "Renewal check-in");
  static final List<String> NEXT_STEPS = List.of("Send revised proposal", "Schedule security review",
      "Confirm budget with CFO", "Legal redlines", "Book executive sponsor call", "Share ROI model",
      "Align on implementation timeline");
  static final List<String> LEAD_COMPANY_WORDS = List.of("Atlas", "Beacon", "Cascade", "Delta", "Ember", "Fjord",
      "Grove", "Horizon", "Isle", "Jetty", "Kite", "Lumen", "Mesa", "Nova", "Orbit", "Pioneer");
  static final List<String> LEAD_COMPANY_KINDS = List.of("Labs", "Partners", "Holdings", "Works", "Collective",
      "Systems", "Group", "Studios");
}
