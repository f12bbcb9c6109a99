package org.peerboard.suggest;

import org.peerboard.suggest.model.Suggester;

/**
 * Prints the scores of a grid of tunings on both halves (run from the IDE or with exec:java; not a
 * test).
 */
public final class SuggestTune {
  public static void main(String[] args) {
    for (String language : new String[] {"it", "en"}) {
      LabelledSet tune = LabelledSet.load(language, "tune");
      LabelledSet check = LabelledSet.load(language, "check");
      for (double w : new double[] {0.5, 0.6, 0.7, 0.8, 1.0}) {
        for (double g : new double[] {2, 3, 4, 5, 6}) {
          for (double t : new double[] {0.10, 0.14, 0.18, 0.22, 0.26, 0.30, 0.35, 0.40}) {
            Suggester.Tuning tuning =
                new Suggester.Tuning(w, g, t, Suggester.Tuning.DEFAULT.duplicateThreshold());
            System.out.printf(
                "%s w=%.1f g=%.0f t=%.2f  tune: %s   check: %s%n",
                language,
                w,
                g,
                t,
                tune.score(tune.suggest(tuning)),
                check.score(check.suggest(tuning)));
          }
        }
      }
      for (double d : new double[] {0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9}) {
        Suggester.Tuning tuning = new Suggester.Tuning(0.7, 4, 0.3, d);
        System.out.printf(
            "%s dup=%.2f  tune: %s   check: %s%n",
            language, d, tune.score(tune.suggest(tuning)), check.score(check.suggest(tuning)));
      }
    }
  }
}
