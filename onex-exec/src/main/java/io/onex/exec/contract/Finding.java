package io.onex.exec.contract;

import java.util.Comparator;

/** A violation before it is printed: where (sortable) and why. */
record Finding(Location at, String message) {
  static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::at).thenComparing(Finding::message);

  ContractViolation violation() {
    return new ContractViolation(at.text(), message);
  }
}
