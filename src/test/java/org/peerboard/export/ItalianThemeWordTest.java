package org.peerboard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.i18n.Messages;

/**
 * Italian has one word for a cluster, "tema", distinct from "gruppo" (the working group): in the
 * clustering UI, the suggestions, the errors and every export's headers and sheets.
 */
@DisplayName("Italian names a cluster 'tema' everywhere, never 'gruppo' or 'cluster'")
class ItalianThemeWordTest {
  private static final Pattern WRONG =
      Pattern.compile("\\b(gruppo|gruppi|cluster)\\b", Pattern.CASE_INSENSITIVE);

  @Test
  @DisplayName("every Italian text about clusters says tema or temi")
  void oneWord() {
    List<String> wrong = new ArrayList<>();
    for (String name : List.of("i18n/messages", "i18n/errors")) {
      ResourceBundle bundle = Messages.bundle(name, "it");
      for (String key : bundle.keySet()) {
        boolean aboutClusters =
            key.startsWith("clu.")
                || key.startsWith("sug.")
                || key.startsWith("projkeys.")
                || key.toLowerCase().contains("cluster");
        if (aboutClusters && WRONG.matcher(bundle.getString(key)).find()) {
          wrong.add(key + "=" + bundle.getString(key));
        }
      }
    }
    assertEquals(List.of(), wrong);
    ResourceBundle it = Messages.bundle("i18n/messages", "it");
    assertEquals("Tema", it.getString("export.col.cluster"));
    assertEquals("Temi", it.getString("export.sheet.clusters"));
    assertEquals("Gruppo", it.getString("export.col.group"), "the working group keeps its word");
  }
}
