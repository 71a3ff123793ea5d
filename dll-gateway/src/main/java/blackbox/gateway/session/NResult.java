package blackbox.gateway.session;

/**
 * The DLL's {@code NResult} codes (profitdll-api.md §2.1) as a typed value. Codes that no public source
 * names (0x80000021..0x8000002D) and any other value map to {@link #UNKNOWN}; {@link DllCall} keeps the raw
 * code for those.
 */
public enum NResult {
    NL_OK(0x00000000),
    NL_INTERNAL_ERROR(0x80000001),
    NL_NOT_INITIALIZED(0x80000002),
    NL_INVALID_ARGS(0x80000003),
    NL_WAITING_SERVER(0x80000004),
    NL_NO_LOGIN(0x80000005),
    NL_NO_LICENSE(0x80000006),
    NL_PASSWORD_HASH_SHA1(0x80000007),
    NL_PASSWORD_HASH_MD5(0x80000008),
    NL_OUT_OF_RANGE(0x80000009),
    NL_MARKET_ONLY(0x8000000A),
    NL_NO_POSITION(0x8000000B),
    NL_NOT_FOUND(0x8000000C),
    NL_VERSION_NOT_SUPPORTED(0x8000000D),
    NL_OCO_NO_RULES(0x8000000E),
    NL_EXCHANGE_UNKNOWN(0x8000000F),
    NL_NO_OCO_DEFINED(0x80000010),
    NL_INVALID_SERIE(0x80000011),
    NL_LICENSE_NOT_ALLOWED(0x80000012),
    NL_NOT_HARD_LOGOUT(0x80000013),
    NL_SERIE_NO_HISTORY(0x80000014),
    NL_ASSET_NO_DATA(0x80000015),
    NL_SERIE_NO_DATA(0x80000016),
    NL_HAS_STRATEGY_RUNNING(0x80000017),
    NL_SERIE_NO_MORE_HISTORY(0x80000018),
    NL_SERIE_MAX_COUNT(0x80000019),
    NL_DUPLICATE_RESOURCE(0x8000001A),
    NL_UNSIGNED_CONTRACT(0x8000001B),
    NL_NO_PASSWORD(0x8000001C),
    NL_NO_USER(0x8000001D),
    NL_FILE_ALREADY_EXISTS(0x8000001E),
    NL_INVALID_TICKER(0x8000001F),
    NL_NOT_MASTER_ACCOUNT(0x80000020),
    NL_HISTORY_PERIOD_LIMIT(0x8000002E),
    UNKNOWN(Integer.MIN_VALUE);

    private final int code;

    NResult(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean ok() {
        return this == NL_OK;
    }

    /** The named result for a raw code, {@link #UNKNOWN} when unnamed. */
    public static NResult of(int code) {
        if (code == 0) return NL_OK;
        for (NResult r : values()) {
            if (r.code == code && r != UNKNOWN) return r;
        }
        return UNKNOWN;
    }
}
