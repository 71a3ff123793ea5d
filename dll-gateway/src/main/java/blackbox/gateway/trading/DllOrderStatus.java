package blackbox.gateway.trading;

/**
 * {@code TConnectorOrderStatus} (profitdll-api.md §2.3, a byte of {@code TConnectorOrder(Out).OrderStatus}) mapped
 * to FIX: the OrdStatus an order in that state has and the ExecType of a report saying it entered that state.
 *
 * <p>Every value of the manual's table is mapped; any other code is {@link OrdStatus#UNKNOWN} with the code in the
 * report's text. Where ProfitDLL has a state FIX has not, the choice and its reason are in {@link #reason}:
 * {@code live} states (replaced, stopped, suspended, calculated, accepted for bidding) take the OrdStatus of their
 * quantities (NEW, PARTIALLY_FILLED or FILLED, see {@link #liveStatus}), because FIX 4.4+ reports a replaced or
 * suspended order by what it still may do, not by a status of its own.
 *
 * @param code the DLL's value
 * @param name the vendor's name ({@code cosNew}...)
 * @param ordStatus the FIX OrdStatus, {@code null} for a live state whose OrdStatus follows its quantities
 * @param execType the ExecType of a report announcing the state
 * @param terminal no execution can follow (FIX closed): filled, canceled, expired, rejected and their variants
 * @param reason why a non-obvious mapping was chosen, empty otherwise
 */
public record DllOrderStatus(int code, String name, OrdStatus ordStatus, ExecType execType, boolean terminal, String reason) {
    public static final int NEW = 0;
    public static final int PARTIALLY_FILLED = 1;
    public static final int FILLED = 2;
    public static final int REPLACED = 5;
    public static final int PENDING_CANCEL = 6;
    public static final int REJECTED = 8;
    public static final int PENDING_REPLACE = 14;
    public static final int ORDER_NOT_CREATED = 204;

    private static final DllOrderStatus[] TABLE = new DllOrderStatus[256];

    static {
        put(0, "cosNew", OrdStatus.NEW, ExecType.NEW, false, "");
        put(1, "cosPartiallyFilled", OrdStatus.PARTIALLY_FILLED, ExecType.TRADE, false, "");
        put(2, "cosFilled", OrdStatus.FILLED, ExecType.TRADE, true, "");
        put(3, "cosDoneForDay", OrdStatus.EXPIRED, ExecType.EXPIRED, true,
                "FIX DoneForDay: a day order (the only validity SendOrder has) that will not trade again today");
        put(4, "cosCanceled", OrdStatus.CANCELED, ExecType.CANCELED, true, "");
        put(5, "cosReplaced", null, ExecType.REPLACED, false,
                "a replaced order is live: OrdStatus from its quantities (FIX 4.4 deprecates OrdStatus Replaced)");
        put(6, "cosPendingCancel", OrdStatus.PENDING_CANCEL, ExecType.PENDING_CANCEL, false, "");
        put(7, "cosStopped", null, ExecType.ORDER_STATUS, false,
                "FIX Stopped: the order is live with a guaranteed price; OrdStatus from its quantities");
        put(8, "cosRejected", OrdStatus.REJECTED, ExecType.REJECTED, true, "");
        put(9, "cosSuspended", null, ExecType.ORDER_STATUS, false,
                "FIX Suspended: live but not eligible to trade; OrdStatus from its quantities");
        put(10, "cosPendingNew", OrdStatus.PENDING_NEW, ExecType.PENDING_NEW, false, "");
        put(11, "cosCalculated", null, ExecType.ORDER_STATUS, false,
                "FIX Calculated: the day's executions are computed; OrdStatus from its quantities");
        put(12, "cosExpired", OrdStatus.EXPIRED, ExecType.EXPIRED, true, "");
        put(13, "cosAcceptedForBidding", null, ExecType.NEW, false,
                "FIX AcceptedForBidding: accepted by the venue, live");
        put(14, "cosPendingReplace", OrdStatus.PENDING_REPLACE, ExecType.PENDING_REPLACE, false, "");
        put(15, "cosPartiallyFilledCanceled", OrdStatus.CANCELED, ExecType.CANCELED, true,
                "canceled after a partial fill");
        put(16, "cosReceived", OrdStatus.PENDING_NEW, ExecType.PENDING_NEW, false,
                "received by the routing chain, not yet by the venue");
        put(17, "cosPartiallyFilledExpired", OrdStatus.EXPIRED, ExecType.EXPIRED, true,
                "expired after a partial fill");
        put(18, "cosPartiallyFilledRejected", OrdStatus.REJECTED, ExecType.REJECTED, true,
                "rejected after a partial fill: closed, the fills stand");
        put(200, "cosUnknown", OrdStatus.UNKNOWN, ExecType.ORDER_STATUS, false,
                "the DLL itself does not know the state");
        put(201, "cosHadesCreated", OrdStatus.PENDING_NEW, ExecType.PENDING_NEW, false,
                "created at Nelogica's routing server, not yet at the venue");
        put(202, "cosBrokerSent", OrdStatus.PENDING_NEW, ExecType.PENDING_NEW, false, "sent to the broker");
        put(203, "cosClientCreated", OrdStatus.PENDING_NEW, ExecType.PENDING_NEW, false, "created in the DLL");
        put(204, "cosOrderNotCreated", OrdStatus.REJECTED, ExecType.REJECTED, true,
                "the routing chain refused to create it (profitdll-api.md §7.3)");
        put(205, "cosCanceledByAdmin", OrdStatus.CANCELED, ExecType.CANCELED, true, "canceled by the broker's desk");
        put(206, "cosDelayFixGateway", OrdStatus.PENDING_NEW, ExecType.PENDING_NEW, false,
                "held at the broker's FIX gateway, not yet at the venue");
        put(207, "cosScheduledOrder", OrdStatus.PENDING_NEW, ExecType.PENDING_NEW, false,
                "scheduled: held by the routing chain until its time");
    }

    private static void put(int code, String name, OrdStatus ordStatus, ExecType execType, boolean terminal, String reason) {
        TABLE[code] = new DllOrderStatus(code, name, ordStatus, execType, terminal, reason);
    }

    /** The mapping of a code; an unlisted code maps to UNKNOWN (OrdStatus) / ORDER_STATUS, named by its number. */
    public static DllOrderStatus of(int code) {
        DllOrderStatus s = code >= 0 && code < TABLE.length ? TABLE[code] : null;
        return s != null ? s : new DllOrderStatus(code, "TConnectorOrderStatus " + code, OrdStatus.UNKNOWN,
                ExecType.ORDER_STATUS, false, "not in the manual's table");
    }

    /** Whether {@code code} is in the manual's table. */
    public static boolean known(int code) {
        return code >= 0 && code < TABLE.length && TABLE[code] != null;
    }

    /** Pending at the routing chain (not yet acknowledged by the venue). */
    public boolean pendingNew() {
        return ordStatus == OrdStatus.PENDING_NEW;
    }

    /** A request on the order is in flight (cancel or replace). */
    public boolean pendingRequest() {
        return ordStatus == OrdStatus.PENDING_CANCEL || ordStatus == OrdStatus.PENDING_REPLACE;
    }

    /** The OrdStatus of an order in this state with these quantities. */
    public OrdStatus ordStatus(long orderQty, long cumQty) {
        return ordStatus != null ? ordStatus : liveStatus(orderQty, cumQty);
    }

    /** NEW, PARTIALLY_FILLED or FILLED by quantities. */
    public static OrdStatus liveStatus(long orderQty, long cumQty) {
        if (cumQty <= 0) return OrdStatus.NEW;
        return cumQty >= orderQty ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED;
    }

    /** {@code cosNew (0)}, or {@code TConnectorOrderStatus 250} for an unlisted code. */
    public String label() {
        return known(code) ? name + " (" + code + ")" : name;
    }
}
