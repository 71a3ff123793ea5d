package blackbox.gateway.trading;

/** {@code TConnectorOrderType} values SendOrder accepts (V1 encoding, profitdll-api.md §2.3). */
public enum OrderType {
    MARKET(1), LIMIT(2), STOP_LIMIT(4);

    private final int code;

    OrderType(int code) {
        this.code = code;
    }

    /** The DLL's byte. */
    public int code() {
        return code;
    }
}
