package io.onex.store;

import io.onex.core.record.ExecutionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.mapdb.BTreeMap;

/**
 * The browsing queries over the index (docs/formats/store.md, "Queries"). Every query walks
 * key ranges in key order and stops as soon as it has what it needs, so {@code log -n 20}
 * reads about 20 entries whatever the store's size:
 *
 * <ul>
 *   <li>with nodes: one {@code by_node} range per matching node version, merged newest first;
 *   <li>else with statuses: one {@code by_status} range per status, merged;
 *   <li>else: the {@code by_time} range.
 * </ul>
 *
 * <p>Each range is bounded by since/until (a key range, see {@link Keys}); the other filters are
 * applied to the loaded records. Merging compares the time-key suffix, which orders records
 * globally (time, then append sequence).
 */
final class LogQueries {
  private LogQueries() {}

  /** One key range: entries of {@code map} whose key starts with {@code prefix}, in a time window. */
  private static final class Cursor {
    final String prefix;
    final int prefixLength;
    final Iterator<Map.Entry<String, String>> it;
    Map.Entry<String, String> head;

    Cursor(BTreeMap<String, String> map, String prefix, Instant since, Instant until) {
      this.prefix = prefix;
      this.prefixLength = prefix.length();
      String from = prefix + Keys.fromKey(until);
      String sinceKey = Keys.toKey(since);
      String to = sinceKey != null ? prefix + sinceKey : prefix.isEmpty() ? null : Keys.prefixEnd(prefix);
      NavigableMap<String, String> range = to == null ? map.tailMap(from, true) : map.subMap(from, true, to, false);
      this.it = range.entrySet().iterator();
      advance();
    }

    void advance() {
      head = it.hasNext() ? it.next() : null;
    }

    String timeKey() {
      return head.getKey().substring(prefixLength);
    }
  }

  static List<ExecutionRecord> log(Index ix, LogQuery q, Function<String, ExecutionRecord> load) {
    List<ExecutionRecord> out = new ArrayList<>();
    if (q.limit() == 0) {
      return out;
    }
    Instant since = q.since().orElse(null);
    Instant until = q.until().orElse(null);
    if (since != null && until != null && since.isAfter(until)) {
      return out;
    }
    PriorityQueue<Cursor> heads = new PriorityQueue<>((a, b) -> a.timeKey().compareTo(b.timeKey()));
    boolean filterStatus = false;
    if (!q.nodes().isEmpty()) {
      Set<String> keys = new LinkedHashSet<>();
      for (String n : q.nodes()) {
        keys.addAll(nodeKeys(ix, n));
      }
      keys.forEach(k -> add(heads, new Cursor(ix.byNode(), k + Keys.NODE_SEPARATOR, since, until)));
      filterStatus = !q.statuses().isEmpty();
    } else if (!q.statuses().isEmpty()) {
      q.statuses().forEach(s -> add(heads, new Cursor(ix.byStatus(), Keys.byStatusPrefix(s), since, until)));
    } else {
      add(heads, new Cursor(ix.byTime(), "", since, until));
    }
    while (!heads.isEmpty() && out.size() < q.limit()) {
      Cursor c = heads.poll();
      String id = Index.unsealOrFail(c.head.getKey(), c.head.getValue());
      if (!filterStatus || mayHaveStatus(ix.recordJson(id), q.statuses())) {
        ExecutionRecord r = load.apply(id);
        crossCheck(c, r);
        if (!filterStatus || q.statuses().contains(r.status())) {
          out.add(r);
        }
      }
      c.advance();
      add(heads, c);
    }
    return out;
  }

  /**
   * A cheap pre-filter on the canonical JSON text: a record whose status is {@code s} contains
   * {@code "status":"s"} (quotes inside string values are escaped, so the text cannot be
   * missing); a match is confirmed on the parsed record.
   */
  private static boolean mayHaveStatus(String json, Set<String> statuses) {
    if (json == null) {
      return true;
    }
    for (String s : statuses) {
      if (json.contains("\"status\":\"" + s + "\"")) {
        return true;
      }
    }
    return false;
  }

  /** The record must be the one its key describes: same time prefix, same node or status. */
  private static void crossCheck(Cursor c, ExecutionRecord r) {
    String expectPrefix = c.prefixLength == 0 ? ""
        : c.prefix.equals(Keys.byStatusPrefix(r.status())) ? c.prefix
        : Keys.byNodePrefix(r.node().id(), r.node().version());
    if (!c.prefix.equals(expectPrefix)
        || !c.timeKey().startsWith(Keys.timePrefix(Keys.instant(r.startedAt())))) {
      throw new Index.CorruptIndexException("index entry " + c.head.getKey() + " points to " + r.recordId());
    }
  }

  private static void add(PriorityQueue<Cursor> heads, Cursor c) {
    if (c.head != null) {
      heads.add(c);
    }
  }

  /**
   * The node keys ({@code namespace@version}) that {@code ref} names: a namespace, a name, or
   * either with {@code @version}. Reads the aggregates map (one entry per node version).
   */
  static Set<String> nodeKeys(Index ix, String ref) {
    Set<String> out = new TreeSet<>();
    int at = ref.lastIndexOf('@');
    String base = at > 0 ? ref.substring(0, at) : ref;
    String version = at > 0 ? ref.substring(at + 1) : null;
    for (Map.Entry<String, String> e : ix.aggregates().entrySet()) {
      String key = e.getKey();
      int sep = key.lastIndexOf('@');
      String ns = key.substring(0, sep);
      String ver = key.substring(sep + 1);
      if (version != null && !version.equals(ver)) {
        continue;
      }
      if (ns.equals(base) || AggregateState.parse(Index.unsealOrFail(key, e.getValue())).name().equals(base)) {
        out.add(key);
      }
    }
    return out;
  }

  /**
   * The distinct trace hashes that start with {@code prefix} (lowercase hex), at most {@code max},
   * each with the record id of its newest record.
   */
  static Map<String, String> traces(Index ix, String prefix, int max) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    String from = prefix;
    while (out.size() < max) {
      Map.Entry<String, String> e = ix.byTrace().ceilingEntry(from);
      if (e == null || !e.getKey().startsWith(prefix)) {
        break;
      }
      String key = e.getKey();
      int sep = key.indexOf(Keys.NODE_SEPARATOR);
      String trace = key.substring(0, sep);
      out.put(trace, Index.unsealOrFail(key, e.getValue()));
      from = Keys.prefixEnd(trace + Keys.NODE_SEPARATOR);
    }
    return out;
  }

  /** {@link Store#memory}: aggregates, trust (from the newest runs in by_node) and profile per node version. */
  static List<NodeMemory> memory(Index ix, String nodeRef, TrustParameters p, Instant now,
      Function<String, ExecutionRecord> load) {
    List<NodeMemory> out = new ArrayList<>();
    for (String key : nodeKeys(ix, nodeRef)) {
      AggregateState s = AggregateState.parse(Index.get(ix.aggregates(), key));
      int at = key.lastIndexOf('@');
      NodeAggregates a = s.view(key.substring(0, at), key.substring(at + 1));
      List<TrustModel.Sample> samples = new ArrayList<>();
      String prefix = key + Keys.NODE_SEPARATOR;
      for (Map.Entry<String, String> e : ix.byNode().subMap(prefix, true, Keys.prefixEnd(prefix), false).entrySet()) {
        if (samples.size() >= p.maxSamples()) {
          break;
        }
        ExecutionRecord r = load.apply(Index.unsealOrFail(e.getKey(), e.getValue()));
        if (!Keys.node(r.node().id(), r.node().version()).equals(key)) {
          throw new Index.CorruptIndexException("by_node entry " + e.getKey() + " points to " + r.recordId());
        }
        if (r.status().equals("success") || r.status().equals("failure") || r.status().equals("error")) {
          samples.add(new TrustModel.Sample(Keys.instant(r.startedAt()), r.status().equals("success")));
        }
      }
      out.add(new NodeMemory(a.namespace(), a.version(), s.name(), a, TrustModel.score(samples, now, p),
          ExecutionProfile.of(a), s.nondeterministicCount()));
    }
    return out;
  }
}
