package org.veille.cli;

import picocli.CommandLine;

/** {@code veille --version}: the version from the jar's manifest. */
final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Version.class.getPackage().getImplementationVersion();
    return new String[] {"veille " + (v == null ? "(development build)" : v)};
  }
}
