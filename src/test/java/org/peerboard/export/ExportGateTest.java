package org.peerboard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.export.web.ExportGate;

@DisplayName("Downloads made at once are bounded")
class ExportGateTest {
  @Test
  @DisplayName("past the bound a download is refused at once; a finished one gives its place back")
  void bound() {
    ExportGate gate = new ExportGate(2);
    Promise<Void> first = Promise.promise();
    Promise<Void> second = Promise.promise();
    Future<Void> a = gate.run(first::future);
    Future<Void> b = gate.run(second::future);
    Future<Void> c = gate.run(Future::succeededFuture);
    assertTrue(c.failed() && ExportGate.busy(c.cause()), "the third is refused");
    assertEquals(2, gate.running());
    second.fail("client went away");
    assertTrue(b.failed());
    assertTrue(gate.run(Future::succeededFuture).succeeded(), "a failed download gave its place");
    first.complete();
    assertTrue(a.succeeded());
    assertEquals(0, gate.running());
  }
}
