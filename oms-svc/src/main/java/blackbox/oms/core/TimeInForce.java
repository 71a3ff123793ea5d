package blackbox.oms.core;

/**
 * FIX TimeInForce (59). ProfitDLL sends day orders only ({@code SendOrder} has no validity field,
 * profitdll-api.md §2.3); the others must be emulated by the OMS (b3-trading.md "In brief").
 */
public enum TimeInForce {
    DAY,
    GTC,
    /** With an expire date. */
    GTD,
    IOC,
    FOK;

    /** Sent as is through the DLL (only DAY); the others need emulation. */
    public boolean isNative() {
        return this == DAY;
    }
}
