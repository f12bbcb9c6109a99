package org.peerboard.action;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.peerboard.support.TestApp;

/** Raw HTTP for the action tests: bytes, any method, an optional key and Accept header. */
final class Http {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  record Answer(int status, String contentType, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  static Answer get(String path, String bearer) {
    return send("GET", path, bearer, null);
  }

  static Answer page(String path) {
    return send("GET", path, null, "text/html");
  }

  static Answer post(String path, String bearer) {
    return send("POST", path, bearer, null);
  }

  static Answer delete(String path, String bearer) {
    return send("DELETE", path, bearer, null);
  }

  private static Answer send(String method, String path, String bearer, String accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(TestApp.api().base() + path))
            .timeout(Duration.ofSeconds(60))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    try {
      HttpResponse<byte[]> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The records of a CSV download, header first, without its byte-order mark. */
  static List<CSVRecord> csv(byte[] body) throws IOException {
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    try (CSVParser parser =
        CSVParser.parse(
            new InputStreamReader(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8),
            CSVFormat.RFC4180)) {
      return parser.getRecords();
    }
  }
}
