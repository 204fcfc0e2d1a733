package io.onex.core.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds dependency cycles with an iterative depth-first search (no recursion: a chain of any
 * length cannot overflow the stack). Every back edge closes one cycle; cycles are reported
 * rotated to start at their smallest node and without repeats, in discovery order (start
 * nodes ascending, edges in declaration order), so the result is deterministic. Each cyclic
 * group of nodes yields at least one cycle.
 */
final class CycleFinder {
  private CycleFinder() {}

  /** Cycles of {@code adjacency} (node -> targets), each as its nodes in order. */
  static List<List<Integer>> find(List<int[]> adjacency) {
    int n = adjacency.size();
    int[] color = new int[n]; // 0 unvisited, 1 on the current path, 2 done
    int[] next = new int[n];
    int[] pos = new int[n];
    int[] path = new int[n];
    Set<List<Integer>> cycles = new LinkedHashSet<>();
    for (int start = 0; start < n; start++) {
      if (color[start] != 0) {
        continue;
      }
      int depth = 0;
      path[depth++] = start;
      color[start] = 1;
      while (depth > 0) {
        int v = path[depth - 1];
        int[] targets = adjacency.get(v);
        if (next[v] < targets.length) {
          int w = targets[next[v]++];
          if (color[w] == 0) {
            color[w] = 1;
            pos[w] = depth;
            path[depth++] = w;
          } else if (color[w] == 1) {
            cycles.add(rotate(Arrays.copyOfRange(path, pos[w], depth)));
          }
        } else {
          color[v] = 2;
          depth--;
        }
      }
    }
    return new ArrayList<>(cycles);
  }

  private static List<Integer> rotate(int[] cycle) {
    int min = 0;
    for (int i = 1; i < cycle.length; i++) {
      if (cycle[i] < cycle[min]) {
        min = i;
      }
    }
    List<Integer> out = new ArrayList<>(cycle.length);
    for (int i = 0; i < cycle.length; i++) {
      out.add(cycle[(min + i) % cycle.length]);
    }
    return out;
  }
}
