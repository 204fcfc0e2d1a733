package io.onex.git.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Turns touched node directories into {@link NodeChange}s: present on both sides is
 * MODIFIED, only after ADDED, only before DELETED; then each deleted node is paired with an
 * added one that has the same metadata blob, failing that the same non-empty uuid, as a
 * RENAMED change (first match in directory order, so the result is deterministic).
 */
final class Renames {
  private Renames() {}

  static List<NodeChange> pair(Snapshot from, Snapshot to, Collection<String> dirs, MetaCache cache) {
    List<NodeChange> out = new ArrayList<>();
    List<GitNode> deleted = new ArrayList<>();
    List<GitNode> added = new ArrayList<>();
    for (String d : dirs) {
      Optional<GitNode> before = from.node(d);
      Optional<GitNode> after = to.node(d);
      if (before.isPresent() && after.isPresent()) {
        out.add(new NodeChange(NodeChange.Kind.MODIFIED, before, after));
      } else if (after.isPresent()) {
        added.add(after.get());
      } else if (before.isPresent()) {
        deleted.add(before.get());
      }
    }
    for (Iterator<GitNode> it = deleted.iterator(); it.hasNext(); ) {
      GitNode gone = it.next();
      Optional<GitNode> match = added.stream().filter(a -> a.metadataBlob().equals(gone.metadataBlob())).findFirst();
      if (match.isEmpty()) {
        String uuid = cache.get(gone.metadataBlob(), from, gone.metadataPath()).uuid();
        match = added.stream().filter(a -> !uuid.isEmpty()
            && uuid.equals(cache.get(a.metadataBlob(), to, a.metadataPath()).uuid())).findFirst();
      }
      if (match.isPresent()) {
        added.remove(match.get());
        it.remove();
        out.add(new NodeChange(NodeChange.Kind.RENAMED, Optional.of(gone), match));
      }
    }
    added.forEach(a -> out.add(new NodeChange(NodeChange.Kind.ADDED, Optional.empty(), Optional.of(a))));
    deleted.forEach(d -> out.add(new NodeChange(NodeChange.Kind.DELETED, Optional.of(d), Optional.empty())));
    out.sort((a, b) -> GitPaths.compare(a.dir(), b.dir()));
    return out;
  }
}
