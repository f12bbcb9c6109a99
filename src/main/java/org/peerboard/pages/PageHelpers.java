package org.peerboard.pages;

import io.vertx.ext.web.templ.handlebars.HandlebarsTemplateEngine;
import org.peerboard.i18n.GroupNames;

/** Handlebars helpers the pages share; their output is escaped like any other value. */
public final class PageHelpers {
  private PageHelpers() {}

  /**
   * {@code {{groupTitle t.org_group name}}}: "Gruppo Affido" for the name "Affido" and for "Gruppo
   * Affido".
   */
  public static HandlebarsTemplateEngine register(HandlebarsTemplateEngine engine) {
    engine
        .unwrap()
        .<Object>registerHelper(
            "groupTitle",
            (word, options) ->
                GroupNames.titled(
                    word == null ? null : word.toString(), options.param(0, "").toString()));
    return engine;
  }
}
