package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;

@DisplayName("The people of the seed's sessions find their profession")
class ProfessionsTest {
  private static final Map<String, String> ENGLISH =
      Map.of(
          "care_leaver",
          "Care leaver",
          "foster_family",
          "Foster parent or family",
          "educator",
          "Educator",
          "social_worker",
          "Social worker",
          "psychologist",
          "Psychologist",
          "coordinator",
          "Coordinator",
          "other",
          "Other");
  private static final Map<String, String> ITALIAN =
      Map.of(
          "care_leaver",
          "Care leaver",
          "foster_family",
          "Genitore o famiglia affidataria",
          "educator",
          "Educatore/educatrice",
          "social_worker",
          "Assistente sociale",
          "psychologist",
          "Psicologo/psicologa",
          "coordinator",
          "Coordinatore/coordinatrice",
          "other",
          "Altro");

  @BeforeAll
  static void boot() {
    TestApp.shared();
  }

  private static List<String> professionsOn(Api api, JsonObject board) {
    JsonArray people =
        api.get("/api/boards/" + board.getString("id"), board.getString("moderatorKey"))
            .json()
            .getJsonArray("participants");
    List<String> found = new ArrayList<>();
    people.forEach(p -> found.add(((JsonObject) p).getString("profession")));
    return found;
  }

  @Test
  @DisplayName(
      "POST /api/join takes each profession of the list; anything else is 400 invalid and adds no one")
  void overTheApi() {
    Api api = TestApp.api();
    JsonObject board = api.workshop("Professions", "Group A").board(0);
    for (String code : ENGLISH.keySet()) {
      Api.Response joined =
          api.post(
              "/api/join",
              new JsonObject()
                  .put("consent", true)
                  .put("code", board.getString("joinCode"))
                  .put("name", code)
                  .put("profession", code));
      assertEquals(200, joined.status(), code + ": " + joined.body());
    }
    for (Object bad : List.of("astronaut", "care_leaver; drop table", 7, true, "social__worker")) {
      Api.Response refused =
          api.post(
              "/api/join",
              new JsonObject()
                  .put("consent", true)
                  .put("code", board.getString("joinCode"))
                  .put("profession", bad));
      assertEquals(400, refused.status(), bad + ": " + refused.body());
      assertEquals("invalid", refused.errorCode());
    }
    List<String> stored = professionsOn(api, board);
    assertEquals(ENGLISH.size(), stored.size(), "only the valid joins added someone: " + stored);
    assertEquals(true, stored.containsAll(ENGLISH.keySet()), stored.toString());

    // as earlier clients wrote them: stored as the code; blank means none
    for (String loose : List.of("Social worker", " care-leaver ", "Foster family", "")) {
      Api.Response joined =
          api.post(
              "/api/join",
              new JsonObject()
                  .put("consent", true)
                  .put("code", board.getString("joinCode"))
                  .put("profession", loose));
      assertEquals(200, joined.status(), loose + ": " + joined.body());
    }
    List<String> after = professionsOn(api, board).subList(ENGLISH.size(), ENGLISH.size() + 4);
    assertEquals(Arrays.asList("social_worker", "care_leaver", "foster_family", null), after);
  }

  @Test
  @DisplayName(
      "the join form offers every profession in Italian and English, and a care leaver joins with it")
  void inTheForm() {
    Api api = TestApp.api();
    JsonObject board = api.workshop("Professions form", "Group A").board(0);
    try (BrowserContext mobile = Browsers.phone()) {
      Page phone = mobile.newPage();
      for (Map.Entry<String, Map<String, String>> lang :
          Map.of("en", ENGLISH, "it", ITALIAN).entrySet()) {
        phone.navigate(api.base() + "/j/" + board.getString("joinCode") + "?lang=" + lang.getKey());
        for (Map.Entry<String, String> p : lang.getValue().entrySet()) {
          assertThat(phone.locator("#profession option[value=" + p.getKey() + "]"))
              .hasText(p.getValue());
        }
      }
      phone.navigate(api.base() + "/j/" + board.getString("joinCode") + "?lang=en");
      phone.getByLabel("Profession (optional)").selectOption("care_leaver");
      Pages.acceptAndJoin(phone, null);
      phone.close();
      Page another = mobile.browser().newContext().newPage();
      another.navigate(api.base() + "/j/" + board.getString("joinCode") + "?lang=en");
      another.getByLabel("Profession (optional)").selectOption("foster_family");
      Pages.acceptAndJoin(another, null);
      another.context().close();
    }
    assertEquals(List.of("care_leaver", "foster_family"), professionsOn(api, board));
  }
}
