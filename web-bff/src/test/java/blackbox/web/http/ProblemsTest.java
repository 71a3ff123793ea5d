package blackbox.web.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.grpc.Status;
import org.junit.jupiter.api.Test;

/** gRPC failures of the services as problems: status mapping, and the field and value their messages name. */
class ProblemsTest {
    @Test
    void aServicesMessageNamingFieldAndValueGivesBoth() {
        assertArrayEquals(new String[] {"order_qty", "150"},
                Problems.fieldAndValue("order_qty must be a multiple of the lot 100: order_qty=150"));
        assertArrayEquals(new String[] {"accounts[2].percent", "abc"},
                Problems.fieldAndValue("accounts[2].percent must be a decimal: accounts[2].percent=\"abc\""));
        assertNull(Problems.fieldAndValue("account 4513120 is disabled"), "no field=value: no field");
        assertNull(Problems.fieldAndValue("Order rejected: order_qty=1"), "the field must come first");
    }

    @Test
    void statusesMapToTheirHttpMeaning() {
        assertEquals(400, status(Status.INVALID_ARGUMENT));
        assertEquals(409, status(Status.ALREADY_EXISTS));
        assertEquals(409, status(Status.FAILED_PRECONDITION), "e.g. the cancel of a FILLED order");
        assertEquals(403, status(Status.PERMISSION_DENIED));
        assertEquals(401, status(Status.UNAUTHENTICATED));
        assertEquals(404, status(Status.NOT_FOUND));
        assertEquals(503, status(Status.UNAVAILABLE));
        assertEquals(429, status(Status.RESOURCE_EXHAUSTED));
        assertEquals(502, status(Status.INTERNAL));
        ApiError e = Problems.fromGrpc("oms-svc", Status.ALREADY_EXISTS.withDescription(
                "order_qty differs from the stored order: order_qty=2000").asRuntimeException());
        assertEquals("order_qty", e.field());
        assertEquals("2000", e.value());
    }

    private static int status(Status s) {
        return Problems.fromGrpc("svc", s.withDescription("x").asRuntimeException()).status();
    }
}
