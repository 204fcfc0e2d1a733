package io.onex.cli;

/** Entry point of the {@code onex} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("onex 0.1.0-SNAPSHOT");
  }
}
