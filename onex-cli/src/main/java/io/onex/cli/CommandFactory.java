package io.onex.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Creates command objects, handing each the {@link CliEnvironment} when it asks for one. */
final class CommandFactory implements CommandLine.IFactory {
  private final CliEnvironment env;
  private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

  CommandFactory(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public <K> K create(Class<K> cls) throws Exception {
    for (Constructor<?> c : cls.getDeclaredConstructors()) {
      if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == CliEnvironment.class) {
        c.setAccessible(true);
        return cls.cast(c.newInstance(env));
      }
    }
    return fallback.create(cls);
  }
}
