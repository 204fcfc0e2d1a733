package io.onex.exec.executors;

import io.onex.exec.Node;

/**
 * The parent of every java node's class loader: the Java platform (the platform class loader,
 * not the application class path) plus exactly one ONEX type, {@link Node}, taken from ONEX's
 * own loader so that {@code instanceof Node} holds. Nothing else of ONEX or its libraries
 * (Jackson, networknt, ...) is visible to a node, as classes or as resources.
 */
final class JavaParentLoader extends ClassLoader {
  static final JavaParentLoader INSTANCE = new JavaParentLoader();
  private static final String NODE = Node.class.getName();

  static {
    registerAsParallelCapable();
  }

  private JavaParentLoader() {
    super("onex-java-node-parent", ClassLoader.getPlatformClassLoader());
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (NODE.equals(name)) {
      return Node.class;
    }
    return super.loadClass(name, resolve);
  }
}
