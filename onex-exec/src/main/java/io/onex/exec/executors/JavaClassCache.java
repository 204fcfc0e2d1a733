package io.onex.exec.executors;

import io.onex.exec.LoadedNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loaded java node classes, so that running the same node content again reuses its class
 * loader and class (the in-process fast path).
 *
 * <p>Invariants: the key is the node's hash lock plus its directory and target, so a change to
 * any file of the node (a restamp) loads afresh; at most {@code capacity} entries, least
 * recently used evicted first; an evicted entry's class loader is closed (classes already
 * running keep working, new class loads from it fail). Loading happens outside the lock; when
 * two threads load the same node at once, one result is kept and the other closed.
 */
final class JavaClassCache {
  private record Key(String hash, String directory, String target) {}

  private final LinkedHashMap<Key, JavaLoaded> entries;

  JavaClassCache(int capacity) {
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, JavaLoaded> eldest) {
        if (size() > capacity) {
          eldest.getValue().close();
          return true;
        }
        return false;
      }
    };
  }

  private static Key key(LoadedNode node) {
    return new Key(node.hash(), node.directory().toAbsolutePath().normalize().toString(),
        node.metadata().entrypoint().target());
  }

  JavaLoaded get(LoadedNode node) throws JavaLoadException {
    Key key = key(node);
    synchronized (this) {
      JavaLoaded hit = entries.get(key);
      if (hit != null) {
        return hit;
      }
    }
    JavaLoaded fresh = JavaLoaded.load(node);
    synchronized (this) {
      JavaLoaded existing = entries.putIfAbsent(key, fresh);
      if (existing != null) {
        fresh.close();
        return existing;
      }
      return fresh;
    }
  }

  synchronized Optional<Class<?>> cachedClass(LoadedNode node) {
    return Optional.ofNullable(entries.get(key(node))).map(JavaLoaded::type);
  }

  synchronized void evict(LoadedNode node) {
    JavaLoaded gone = entries.remove(key(node));
    if (gone != null) {
      gone.close();
    }
  }

  synchronized int size() {
    return entries.size();
  }

  void clear() {
    List<JavaLoaded> all;
    synchronized (this) {
      all = new ArrayList<>(entries.values());
      entries.clear();
    }
    all.forEach(JavaLoaded::close);
  }
}
