package io.revops.mcp.tools;

import io.revops.core.CrmObject;
import java.util.Arrays;

/** The object types the write tools accept, for their schemas. */
final class RecordTypes {
  static final String[] NAMES = Arrays.stream(CrmObject.values()).map(CrmObject::apiName).toArray(String[]::new);
  static final String ID_PATTERN = "^(?:001|006|003|00Q)[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$";

  private RecordTypes() {
  }
}
