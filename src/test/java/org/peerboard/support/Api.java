package org.peerboard.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A plain HTTP client for the REST side of the contract, as an outside client would use it. */
public final class Api {
  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public Api(String base) {
    this.base = base;
  }

  public String base() {
    return base;
  }

  /** A status code and a body that is JSON when the server sent JSON. */
  public record Response(int status, String body) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public String errorCode() {
      return json().getJsonObject("error").getString("code");
    }
  }

  public Response post(String path, JsonObject body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.encode())),
        null);
  }

  public Response post(String path, String rawBody, String bearer) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(rawBody)),
        bearer);
  }

  public Response get(String path, String bearer) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), bearer);
  }

  private Response send(HttpRequest.Builder request, String bearer) {
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(20)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A workshop made through the API: its JSON answer, with shortcuts to its boards. */
  public record Workshop(JsonObject json) {
    public String id() {
      return json.getString("id");
    }

    public String organiserKey() {
      return json.getString("organiserKey");
    }

    public JsonObject board(int i) {
      return json.getJsonArray("boards").getJsonObject(i);
    }

    public JsonArray boards() {
      return json.getJsonArray("boards");
    }
  }

  /** A participant who joined a board. */
  public record Participant(String boardId, String participantId, String token) {}

  public Workshop workshop(String title, String... groups) {
    Response response =
        post(
            "/api/workshops",
            new JsonObject()
                .put("title", title)
                .put("place", "Prato")
                .put("date", "2022-07-18")
                .put("language", "en")
                .put("groups", new JsonArray(List.of(groups))));
    if (response.status() != 201) {
      throw new IllegalStateException("workshop not created: " + response);
    }
    return new Workshop(response.json());
  }

  public Participant join(String code, String name) {
    Response response =
        post(
            "/api/join", new JsonObject().put("consent", true).put("code", code).put("name", name));
    if (response.status() != 200) {
      throw new IllegalStateException("could not join: " + response);
    }
    JsonObject json = response.json();
    return new Participant(
        json.getString("boardId"),
        json.getString("participantId"),
        json.getString("participantToken"));
  }
}
