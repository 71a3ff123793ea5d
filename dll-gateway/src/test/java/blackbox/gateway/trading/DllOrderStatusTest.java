package blackbox.gateway.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DllOrderStatusTest {
    /** The manual's whole table (profitdll-api.md §2.3): code, name, OrdStatus (LIVE: by quantities), ExecType, closed. */
    @ParameterizedTest(name = "{0} {1} -> {2}/{3}")
    @CsvSource({
            "0, cosNew, NEW, NEW, false",
            "1, cosPartiallyFilled, PARTIALLY_FILLED, TRADE, false",
            "2, cosFilled, FILLED, TRADE, true",
            "3, cosDoneForDay, EXPIRED, EXPIRED, true",
            "4, cosCanceled, CANCELED, CANCELED, true",
            "5, cosReplaced, LIVE, REPLACED, false",
            "6, cosPendingCancel, PENDING_CANCEL, PENDING_CANCEL, false",
            "7, cosStopped, LIVE, ORDER_STATUS, false",
            "8, cosRejected, REJECTED, REJECTED, true",
            "9, cosSuspended, LIVE, ORDER_STATUS, false",
            "10, cosPendingNew, PENDING_NEW, PENDING_NEW, false",
            "11, cosCalculated, LIVE, ORDER_STATUS, false",
            "12, cosExpired, EXPIRED, EXPIRED, true",
            "13, cosAcceptedForBidding, LIVE, NEW, false",
            "14, cosPendingReplace, PENDING_REPLACE, PENDING_REPLACE, false",
            "15, cosPartiallyFilledCanceled, CANCELED, CANCELED, true",
            "16, cosReceived, PENDING_NEW, PENDING_NEW, false",
            "17, cosPartiallyFilledExpired, EXPIRED, EXPIRED, true",
            "18, cosPartiallyFilledRejected, REJECTED, REJECTED, true",
            "200, cosUnknown, UNKNOWN, ORDER_STATUS, false",
            "201, cosHadesCreated, PENDING_NEW, PENDING_NEW, false",
            "202, cosBrokerSent, PENDING_NEW, PENDING_NEW, false",
            "203, cosClientCreated, PENDING_NEW, PENDING_NEW, false",
            "204, cosOrderNotCreated, REJECTED, REJECTED, true",
            "205, cosCanceledByAdmin, CANCELED, CANCELED, true",
            "206, cosDelayFixGateway, PENDING_NEW, PENDING_NEW, false",
            "207, cosScheduledOrder, PENDING_NEW, PENDING_NEW, false"})
    void everyValueOfTheManualIsMapped(int code, String name, String ordStatus, ExecType execType, boolean closed) {
        DllOrderStatus s = DllOrderStatus.of(code);
        assertTrue(DllOrderStatus.known(code));
        assertEquals(name, s.name());
        assertEquals(execType, s.execType());
        assertEquals(closed, s.terminal());
        if (ordStatus.equals("LIVE")) {
            assertEquals(OrdStatus.NEW, s.ordStatus(100, 0));
            assertEquals(OrdStatus.PARTIALLY_FILLED, s.ordStatus(100, 40));
            assertEquals(OrdStatus.FILLED, s.ordStatus(100, 100));
            assertFalse(s.reason().isEmpty(), "a live mapping says why");
        } else {
            assertEquals(OrdStatus.valueOf(ordStatus), s.ordStatus(100, 40));
        }
        assertEquals(closed, s.ordStatus(100, 100).terminal() && s.terminal());
    }

    @ParameterizedTest
    @ValueSource(ints = {19, 99, 199, 208, 255, -1, 1000})
    void aValueOutsideTheManualIsUnknownAndNamedByItsNumber(int code) {
        DllOrderStatus s = DllOrderStatus.of(code);
        assertFalse(DllOrderStatus.known(code));
        assertEquals(OrdStatus.UNKNOWN, s.ordStatus(100, 0));
        assertEquals(ExecType.ORDER_STATUS, s.execType());
        assertEquals("TConnectorOrderStatus " + code, s.label());
    }
}
