package blackbox.gateway.trading;

/** {@code TConnectorOrderSide} values SendOrder accepts (V1 encoding, profitdll-api.md §2.3). */
public enum OrderSide {
    BUY(1), SELL(2);

    private final int code;

    OrderSide(int code) {
        this.code = code;
    }

    /** The DLL's byte. */
    public int code() {
        return code;
    }
}
