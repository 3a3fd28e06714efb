package io.revops.mcp.tool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps a tool result under the size a client passes to the model (about 20,000 tokens in all). When
 * the structured content is too large it cuts the largest lists from the end, and adds a
 * {@code cut_for_size} object saying how many items were left out and how to get them; an over-long
 * text is cut at a line boundary with the same advice. Results within budget pass unchanged.
 */
public final class ResultLimiter {
  /** About 14,000 tokens of JSON. */
  public static final int DEFAULT_STRUCTURED_BUDGET = 56_000;
  /** About 5,000 tokens of text. */
  public static final int DEFAULT_TEXT_BUDGET = 20_000;

  private final int structuredBudget;
  private final int textBudget;

  /** A limiter with the default budgets (80,000 characters in all, about 20,000 tokens). */
  public ResultLimiter() {
    this(DEFAULT_STRUCTURED_BUDGET, DEFAULT_TEXT_BUDGET);
  }

  /** A limiter with the given budgets in characters. */
  public ResultLimiter(int structuredBudget, int textBudget) {
    if (structuredBudget < 1_000 || textBudget < 200) {
      throw new IllegalArgumentException("budgets too small to say anything useful");
    }
    this.structuredBudget = structuredBudget;
    this.textBudget = textBudget;
  }

  /**
   * Fits {@code output} into the budgets.
   *
   * @param howToGetMore what the caller can do to see the rest, such as "pass the returned cursor"
   */
  public ToolOutput limit(ToolOutput output, String howToGetMore) {
    Objects.requireNonNull(howToGetMore, "howToGetMore");
    Map<String, Object> structured = output.structured();
    String text = output.text();
    if (size(structured) > structuredBudget) {
      structured = cut(structured, howToGetMore);
    }
    if (text.length() > textBudget) {
      text = cutText(text, howToGetMore);
    }
    return structured == output.structured() && text.equals(output.text()) ? output : new ToolOutput(structured, text);
  }

  private Map<String, Object> cut(Map<String, Object> original, String howToGetMore) {
    Map<String, Object> copy = mutableCopy(original);
    Map<String, Integer> omitted = new LinkedHashMap<>();
    List<ListRef> lists = new ArrayList<>();
    collectLists(copy, "", lists);
    lists.sort((a, b) -> Integer.compare(size(b.list), size(a.list)));
    Map<String, Object> marker = new LinkedHashMap<>();
    copy.put(ToolDefinition.TRUNCATED, marker);
    for (ListRef ref : lists) {
      if (fits(copy, omitted, marker, howToGetMore)) {
        break;
      }
      int before = ref.list.size();
      int keep = largestKeepThatFits(copy, ref.list, omitted, marker, howToGetMore, ref.path, before);
      ref.list.subList(keep, ref.list.size()).clear();
      if (keep < before) {
        omitted.put(ref.path, before - keep);
      }
    }
    fill(marker, omitted, howToGetMore);
    return copy;
  }

  private int largestKeepThatFits(Map<String, Object> doc, List<Object> list, Map<String, Integer> omitted,
      Map<String, Object> marker, String howToGetMore, String path, int total) {
    List<Object> full = new ArrayList<>(list);
    int low = 0;
    int high = total;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      list.clear();
      list.addAll(full.subList(0, mid));
      Map<String, Integer> trial = new LinkedHashMap<>(omitted);
      trial.put(path, total - mid);
      if (fits(doc, trial, marker, howToGetMore)) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    list.clear();
    list.addAll(full);
    return low;
  }

  private boolean fits(Map<String, Object> doc, Map<String, Integer> omitted, Map<String, Object> marker,
      String howToGetMore) {
    fill(marker, omitted, howToGetMore);
    return size(doc) <= structuredBudget;
  }

  private static void fill(Map<String, Object> marker, Map<String, Integer> omitted, String howToGetMore) {
    marker.clear();
    marker.put("omitted_items", omitted.values().stream().mapToInt(Integer::intValue).sum());
    marker.put("lists", new ArrayList<>(omitted.keySet()));
    marker.put("how_to_get_more", "The result was too large for the model's context and was cut. " + howToGetMore);
  }

  private String cutText(String text, String howToGetMore) {
    String note = "\n\n… cut here: the full text was " + text.length() + " characters. " + howToGetMore;
    int end = Math.max(0, textBudget - note.length());
    int newline = text.lastIndexOf('\n', end);
    return text.substring(0, newline > end / 2 ? newline : end) + note;
  }

  private record ListRef(String path, List<Object> list) {
  }

  @SuppressWarnings("unchecked")
  private static void collectLists(Object node, String path, List<ListRef> found) {
    if (node instanceof Map<?, ?> map) {
      map.forEach((key, value) -> collectLists(value, path.isEmpty() ? key.toString() : path + "." + key, found));
    } else if (node instanceof List<?> list) {
      // Lists inside list items are not cut separately: cutting the outer list removes them whole.
      found.add(new ListRef(path, (List<Object>) list));
    }
  }

  private static Map<String, Object> mutableCopy(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(key, mutable(value)));
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Object mutable(Object value) {
    if (value instanceof Map<?, ?> map) {
      return mutableCopy((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(mutable(item)));
      return copy;
    }
    return value;
  }

  private static int size(Object json) {
    return CanonicalJson.write(json).length();
  }
}
