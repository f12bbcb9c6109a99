package org.peerboard.bench;

/**
 * The harness's settings: {@code -Dbench.*} system properties, where an empty value means "use the
 * default".
 */
final class Opts {
  private Opts() {}

  static String str(String name, String fallback) {
    String value = System.getProperty("bench." + name);
    return value == null || value.isBlank() || value.startsWith("${") ? fallback : value.trim();
  }

  static int integer(String name, int fallback) {
    return Integer.parseInt(str(name, Integer.toString(fallback)));
  }

  static double number(String name, double fallback) {
    return Double.parseDouble(str(name, Double.toString(fallback)));
  }

  static boolean flag(String name, boolean fallback) {
    return Boolean.parseBoolean(str(name, Boolean.toString(fallback)));
  }
}
