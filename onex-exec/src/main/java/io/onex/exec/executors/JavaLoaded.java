package io.onex.exec.executors;

import io.onex.exec.LoadedNode;
import io.onex.exec.Node;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.function.Function;

/**
 * A java node's class, loaded (not yet initialized) by its own {@link URLClassLoader} over the
 * node's jar or classes directory, with {@link JavaParentLoader} as parent; checked to be a
 * public concrete class with a public no-argument constructor implementing {@link Node} or
 * {@link Function}.
 */
record JavaLoaded(URLClassLoader loader, Class<?> type, Constructor<?> constructor, boolean nodeForm) {

  static JavaLoaded load(LoadedNode node) throws JavaLoadException {
    JavaTarget target = JavaTarget.resolve(node.directory(), node.metadata().entrypoint().target());
    URL url;
    try {
      url = target.location().toUri().toURL();
    } catch (MalformedURLException e) {
      throw new JavaLoadException("entrypoint.target: " + target.location() + " cannot be used as a class path entry");
    }
    URLClassLoader loader = new URLClassLoader("onex-node:" + node.metadata().coordinates(), new URL[] {url},
        JavaParentLoader.INSTANCE);
    try {
      return check(loader, target);
    } catch (JavaLoadException e) {
      closeQuietly(loader);
      throw e;
    }
  }

  private static JavaLoaded check(URLClassLoader loader, JavaTarget target) throws JavaLoadException {
    String where = target.className() + " (from " + target.location().getFileName() + ")";
    try {
      Class<?> c = Class.forName(target.className(), false, loader);
      boolean nodeForm = Node.class.isAssignableFrom(c);
      if (!nodeForm && !Function.class.isAssignableFrom(c)) {
        throw new JavaLoadException("class " + where + " implements neither io.onex.exec.Node nor java.util.function.Function");
      }
      if (c.isInterface() || Modifier.isAbstract(c.getModifiers()) || !Modifier.isPublic(c.getModifiers())) {
        throw new JavaLoadException("class " + where + " must be public and concrete (not abstract, not an interface)");
      }
      return new JavaLoaded(loader, c, c.getConstructor(), nodeForm);
    } catch (ClassNotFoundException e) {
      throw new JavaLoadException("class " + where + " is not found in " + (target.jar() ? "the jar" : "the classes directory"));
    } catch (NoSuchMethodException e) {
      throw new JavaLoadException("class " + where + " has no public no-argument constructor");
    } catch (LinkageError | SecurityException e) {
      throw new JavaLoadException("class " + where + " cannot be loaded: " + e.getClass().getName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  void close() {
    closeQuietly(loader);
  }

  private static void closeQuietly(URLClassLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      // a jar that cannot be closed stays open until garbage collection: nothing else to do
    }
  }
}
