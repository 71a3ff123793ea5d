// Generated shape: jextract 22+ output for dll-gateway/native/profitdll.h (see
// dll-gateway/native/jextract/). Do not edit by hand; regenerate.

package blackbox.gateway.ffm;

import java.lang.invoke.*;
import java.lang.foreign.*;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import static java.lang.foreign.ValueLayout.*;

/**
 * Bindings of Nelogica's ProfitDLL 4.0.0.42 ({@code dll-gateway/native/profitdll.h}): the exported functions as
 * instance methods named like the C functions, the C layouts ({@code C_*}), the header's typedefs and its
 * {@code #define} constants (static methods, as jextract emits them).
 * <p>
 * Unlike stock jextract output, the library is chosen at run time: {@link #load(Path)} opens the simulator
 * ({@code libprofitdll-sim.so}) on Linux or {@code ProfitDLL64.dll} on Windows and links every function eagerly.
 * One binding serves both: every record the vendor declares "by value" is passed as a pointer, which is what the
 * Win64 ABI does for records larger than 8 bytes and what the header spells out elsewhere.
 * <p>
 * Units and encodings: strings are {@code char16_t} (UTF-16LE, NUL-terminated) pointers; prices are in the
 * asset's price unit; quantities are shares or contracts; NResult codes are {@code int} ({@code NL_OK} = 0,
 * errors negative); {@code SendOrder} and {@code SendZeroPositionV2} return a positive {@code long} local order id
 * or a negative NResult.
 * <p>
 * Threads: the instance is immutable and thread-safe. Downcalls may be made from any thread, except that inside a
 * callback (on the DLL's "ConnectorThread") only the accessors ({@code TranslateTrade}, {@code GetPriceGroup},
 * {@code GetOrderDetails}, {@code GetPriceDepthSideCount}, {@code EnumerateAllOrders}) may be called; request
 * functions (subscriptions, orders, history) must not be called from a callback (profitdll-api.md §7.1).
 * Methods rethrow anything thrown by the method handle as {@link AssertionError}, as jextract does.
 */
@SuppressWarnings("restricted")
public final class ProfitDLL {

    static final boolean TRACE_DOWNCALLS = Boolean.getBoolean("jextract.trace.downcalls");

    static void traceDowncall(String name, Object... args) {
         String traceArgs = Arrays.stream(args)
                       .map(Object::toString)
                       .collect(Collectors.joining(", "));
         System.out.printf("%s(%s)\n", name, traceArgs);
    }

    static MemorySegment findOrThrow(SymbolLookup lookup, Path library, String symbol) {
        return lookup.find(symbol)
            .orElseThrow(() -> new IllegalArgumentException("symbol not found in " + library + ": " + symbol));
    }

    static MethodHandle upcallHandle(Class<?> fi, String name, FunctionDescriptor fdesc) {
        try {
            return MethodHandles.lookup().findVirtual(fi, name, fdesc.toMethodType());
        } catch (ReflectiveOperationException ex) {
            throw new AssertionError(ex);
        }
    }

    static MemoryLayout align(MemoryLayout layout, long align) {
        return switch (layout) {
            case PaddingLayout p -> p;
            case ValueLayout v -> v.withByteAlignment(align);
            case GroupLayout g -> {
                MemoryLayout[] alignedMembers = g.memberLayouts().stream()
                        .map(m -> align(m, align)).toArray(MemoryLayout[]::new);
                yield g instanceof StructLayout ?
                        MemoryLayout.structLayout(alignedMembers) : MemoryLayout.unionLayout(alignedMembers);
            }
            case SequenceLayout s -> MemoryLayout.sequenceLayout(s.elementCount(), align(s.elementLayout(), align));
        };
    }

    private static final Linker LINKER = Linker.nativeLinker();

    public static final ValueLayout.OfBoolean C_BOOL = ValueLayout.JAVA_BOOLEAN;
    public static final ValueLayout.OfByte C_CHAR = ValueLayout.JAVA_BYTE;
    public static final ValueLayout.OfShort C_SHORT = ValueLayout.JAVA_SHORT;
    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    public static final ValueLayout.OfLong C_LONG_LONG = ValueLayout.JAVA_LONG;
    public static final ValueLayout.OfFloat C_FLOAT = ValueLayout.JAVA_FLOAT;
    public static final ValueLayout.OfDouble C_DOUBLE = ValueLayout.JAVA_DOUBLE;
    public static final AddressLayout C_POINTER = ValueLayout.ADDRESS
            .withTargetLayout(MemoryLayout.sequenceLayout(java.lang.Long.MAX_VALUE, JAVA_BYTE));
    /** {@code char16_t}: one UTF-16 code unit. */
    public static final ValueLayout.OfChar C_CHAR16 = ValueLayout.JAVA_CHAR;

    /**
     * {@snippet lang=c :
     * typedef char16_t PDLL_WCHAR
     * }
     */
    public static final ValueLayout.OfChar PDLL_WCHAR = ProfitDLL.C_CHAR16;
    /**
     * {@snippet lang=c :
     * typedef int32_t NResult
     * }
     */
    public static final ValueLayout.OfInt NResult = ProfitDLL.C_INT;
    /**
     * {@snippet lang=c :
     * typedef int32_t PDLL_BOOL
     * }
     */
    public static final ValueLayout.OfInt PDLL_BOOL = ProfitDLL.C_INT;
    /**
     * {@snippet lang=c :
     * typedef intptr_t PDLL_LPARAM
     * }
     */
    public static final ValueLayout.OfLong PDLL_LPARAM = ProfitDLL.C_LONG_LONG;

    private static final int NL_OK = (int)0L;

    /**
     * {@snippet lang=c :
     * #define NL_OK 0
     * }
     */
    public static int NL_OK() {
        return NL_OK;
    }
    private static final int NL_INTERNAL_ERROR = (int)-2147483647L;

    /**
     * {@snippet lang=c :
     * #define NL_INTERNAL_ERROR -2147483647
     * }
     */
    public static int NL_INTERNAL_ERROR() {
        return NL_INTERNAL_ERROR;
    }
    private static final int NL_NOT_INITIALIZED = (int)-2147483646L;

    /**
     * {@snippet lang=c :
     * #define NL_NOT_INITIALIZED -2147483646
     * }
     */
    public static int NL_NOT_INITIALIZED() {
        return NL_NOT_INITIALIZED;
    }
    private static final int NL_INVALID_ARGS = (int)-2147483645L;

    /**
     * {@snippet lang=c :
     * #define NL_INVALID_ARGS -2147483645
     * }
     */
    public static int NL_INVALID_ARGS() {
        return NL_INVALID_ARGS;
    }
    private static final int NL_WAITING_SERVER = (int)-2147483644L;

    /**
     * {@snippet lang=c :
     * #define NL_WAITING_SERVER -2147483644
     * }
     */
    public static int NL_WAITING_SERVER() {
        return NL_WAITING_SERVER;
    }
    private static final int NL_NO_LOGIN = (int)-2147483643L;

    /**
     * {@snippet lang=c :
     * #define NL_NO_LOGIN -2147483643
     * }
     */
    public static int NL_NO_LOGIN() {
        return NL_NO_LOGIN;
    }
    private static final int NL_NO_LICENSE = (int)-2147483642L;

    /**
     * {@snippet lang=c :
     * #define NL_NO_LICENSE -2147483642
     * }
     */
    public static int NL_NO_LICENSE() {
        return NL_NO_LICENSE;
    }
    private static final int NL_PASSWORD_HASH_SHA1 = (int)-2147483641L;

    /**
     * {@snippet lang=c :
     * #define NL_PASSWORD_HASH_SHA1 -2147483641
     * }
     */
    public static int NL_PASSWORD_HASH_SHA1() {
        return NL_PASSWORD_HASH_SHA1;
    }
    private static final int NL_PASSWORD_HASH_MD5 = (int)-2147483640L;

    /**
     * {@snippet lang=c :
     * #define NL_PASSWORD_HASH_MD5 -2147483640
     * }
     */
    public static int NL_PASSWORD_HASH_MD5() {
        return NL_PASSWORD_HASH_MD5;
    }
    private static final int NL_OUT_OF_RANGE = (int)-2147483639L;

    /**
     * {@snippet lang=c :
     * #define NL_OUT_OF_RANGE -2147483639
     * }
     */
    public static int NL_OUT_OF_RANGE() {
        return NL_OUT_OF_RANGE;
    }
    private static final int NL_MARKET_ONLY = (int)-2147483638L;

    /**
     * {@snippet lang=c :
     * #define NL_MARKET_ONLY -2147483638
     * }
     */
    public static int NL_MARKET_ONLY() {
        return NL_MARKET_ONLY;
    }
    private static final int NL_NO_POSITION = (int)-2147483637L;

    /**
     * {@snippet lang=c :
     * #define NL_NO_POSITION -2147483637
     * }
     */
    public static int NL_NO_POSITION() {
        return NL_NO_POSITION;
    }
    private static final int NL_NOT_FOUND = (int)-2147483636L;

    /**
     * {@snippet lang=c :
     * #define NL_NOT_FOUND -2147483636
     * }
     */
    public static int NL_NOT_FOUND() {
        return NL_NOT_FOUND;
    }
    private static final int NL_VERSION_NOT_SUPPORTED = (int)-2147483635L;

    /**
     * {@snippet lang=c :
     * #define NL_VERSION_NOT_SUPPORTED -2147483635
     * }
     */
    public static int NL_VERSION_NOT_SUPPORTED() {
        return NL_VERSION_NOT_SUPPORTED;
    }
    private static final int NL_OCO_NO_RULES = (int)-2147483634L;

    /**
     * {@snippet lang=c :
     * #define NL_OCO_NO_RULES -2147483634
     * }
     */
    public static int NL_OCO_NO_RULES() {
        return NL_OCO_NO_RULES;
    }
    private static final int NL_EXCHANGE_UNKNOWN = (int)-2147483633L;

    /**
     * {@snippet lang=c :
     * #define NL_EXCHANGE_UNKNOWN -2147483633
     * }
     */
    public static int NL_EXCHANGE_UNKNOWN() {
        return NL_EXCHANGE_UNKNOWN;
    }
    private static final int NL_NO_OCO_DEFINED = (int)-2147483632L;

    /**
     * {@snippet lang=c :
     * #define NL_NO_OCO_DEFINED -2147483632
     * }
     */
    public static int NL_NO_OCO_DEFINED() {
        return NL_NO_OCO_DEFINED;
    }
    private static final int NL_INVALID_SERIE = (int)-2147483631L;

    /**
     * {@snippet lang=c :
     * #define NL_INVALID_SERIE -2147483631
     * }
     */
    public static int NL_INVALID_SERIE() {
        return NL_INVALID_SERIE;
    }
    private static final int NL_LICENSE_NOT_ALLOWED = (int)-2147483630L;

    /**
     * {@snippet lang=c :
     * #define NL_LICENSE_NOT_ALLOWED -2147483630
     * }
     */
    public static int NL_LICENSE_NOT_ALLOWED() {
        return NL_LICENSE_NOT_ALLOWED;
    }
    private static final int NL_NOT_HARD_LOGOUT = (int)-2147483629L;

    /**
     * {@snippet lang=c :
     * #define NL_NOT_HARD_LOGOUT -2147483629
     * }
     */
    public static int NL_NOT_HARD_LOGOUT() {
        return NL_NOT_HARD_LOGOUT;
    }
    private static final int NL_SERIE_NO_HISTORY = (int)-2147483628L;

    /**
     * {@snippet lang=c :
     * #define NL_SERIE_NO_HISTORY -2147483628
     * }
     */
    public static int NL_SERIE_NO_HISTORY() {
        return NL_SERIE_NO_HISTORY;
    }
    private static final int NL_ASSET_NO_DATA = (int)-2147483627L;

    /**
     * {@snippet lang=c :
     * #define NL_ASSET_NO_DATA -2147483627
     * }
     */
    public static int NL_ASSET_NO_DATA() {
        return NL_ASSET_NO_DATA;
    }
    private static final int NL_SERIE_NO_DATA = (int)-2147483626L;

    /**
     * {@snippet lang=c :
     * #define NL_SERIE_NO_DATA -2147483626
     * }
     */
    public static int NL_SERIE_NO_DATA() {
        return NL_SERIE_NO_DATA;
    }
    private static final int NL_HAS_STRATEGY_RUNNING = (int)-2147483625L;

    /**
     * {@snippet lang=c :
     * #define NL_HAS_STRATEGY_RUNNING -2147483625
     * }
     */
    public static int NL_HAS_STRATEGY_RUNNING() {
        return NL_HAS_STRATEGY_RUNNING;
    }
    private static final int NL_SERIE_NO_MORE_HISTORY = (int)-2147483624L;

    /**
     * {@snippet lang=c :
     * #define NL_SERIE_NO_MORE_HISTORY -2147483624
     * }
     */
    public static int NL_SERIE_NO_MORE_HISTORY() {
        return NL_SERIE_NO_MORE_HISTORY;
    }
    private static final int NL_SERIE_MAX_COUNT = (int)-2147483623L;

    /**
     * {@snippet lang=c :
     * #define NL_SERIE_MAX_COUNT -2147483623
     * }
     */
    public static int NL_SERIE_MAX_COUNT() {
        return NL_SERIE_MAX_COUNT;
    }
    private static final int NL_DUPLICATE_RESOURCE = (int)-2147483622L;

    /**
     * {@snippet lang=c :
     * #define NL_DUPLICATE_RESOURCE -2147483622
     * }
     */
    public static int NL_DUPLICATE_RESOURCE() {
        return NL_DUPLICATE_RESOURCE;
    }
    private static final int NL_UNSIGNED_CONTRACT = (int)-2147483621L;

    /**
     * {@snippet lang=c :
     * #define NL_UNSIGNED_CONTRACT -2147483621
     * }
     */
    public static int NL_UNSIGNED_CONTRACT() {
        return NL_UNSIGNED_CONTRACT;
    }
    private static final int NL_NO_PASSWORD = (int)-2147483620L;

    /**
     * {@snippet lang=c :
     * #define NL_NO_PASSWORD -2147483620
     * }
     */
    public static int NL_NO_PASSWORD() {
        return NL_NO_PASSWORD;
    }
    private static final int NL_NO_USER = (int)-2147483619L;

    /**
     * {@snippet lang=c :
     * #define NL_NO_USER -2147483619
     * }
     */
    public static int NL_NO_USER() {
        return NL_NO_USER;
    }
    private static final int NL_FILE_ALREADY_EXISTS = (int)-2147483618L;

    /**
     * {@snippet lang=c :
     * #define NL_FILE_ALREADY_EXISTS -2147483618
     * }
     */
    public static int NL_FILE_ALREADY_EXISTS() {
        return NL_FILE_ALREADY_EXISTS;
    }
    private static final int NL_INVALID_TICKER = (int)-2147483617L;

    /**
     * {@snippet lang=c :
     * #define NL_INVALID_TICKER -2147483617
     * }
     */
    public static int NL_INVALID_TICKER() {
        return NL_INVALID_TICKER;
    }
    private static final int NL_NOT_MASTER_ACCOUNT = (int)-2147483616L;

    /**
     * {@snippet lang=c :
     * #define NL_NOT_MASTER_ACCOUNT -2147483616
     * }
     */
    public static int NL_NOT_MASTER_ACCOUNT() {
        return NL_NOT_MASTER_ACCOUNT;
    }
    private static final int NL_HISTORY_PERIOD_LIMIT = (int)-2147483602L;

    /**
     * {@snippet lang=c :
     * #define NL_HISTORY_PERIOD_LIMIT -2147483602
     * }
     */
    public static int NL_HISTORY_PERIOD_LIMIT() {
        return NL_HISTORY_PERIOD_LIMIT;
    }
    private static final int CONNECTION_STATE_LOGIN = (int)0L;

    /**
     * {@snippet lang=c :
     * #define CONNECTION_STATE_LOGIN 0
     * }
     */
    public static int CONNECTION_STATE_LOGIN() {
        return CONNECTION_STATE_LOGIN;
    }
    private static final int CONNECTION_STATE_ROTEAMENTO = (int)1L;

    /**
     * {@snippet lang=c :
     * #define CONNECTION_STATE_ROTEAMENTO 1
     * }
     */
    public static int CONNECTION_STATE_ROTEAMENTO() {
        return CONNECTION_STATE_ROTEAMENTO;
    }
    private static final int CONNECTION_STATE_MARKET_DATA = (int)2L;

    /**
     * {@snippet lang=c :
     * #define CONNECTION_STATE_MARKET_DATA 2
     * }
     */
    public static int CONNECTION_STATE_MARKET_DATA() {
        return CONNECTION_STATE_MARKET_DATA;
    }
    private static final int CONNECTION_STATE_MARKET_LOGIN = (int)3L;

    /**
     * {@snippet lang=c :
     * #define CONNECTION_STATE_MARKET_LOGIN 3
     * }
     */
    public static int CONNECTION_STATE_MARKET_LOGIN() {
        return CONNECTION_STATE_MARKET_LOGIN;
    }
    private static final int LOGIN_CONNECTED = (int)0L;

    /**
     * {@snippet lang=c :
     * #define LOGIN_CONNECTED 0
     * }
     */
    public static int LOGIN_CONNECTED() {
        return LOGIN_CONNECTED;
    }
    private static final int LOGIN_INVALID = (int)1L;

    /**
     * {@snippet lang=c :
     * #define LOGIN_INVALID 1
     * }
     */
    public static int LOGIN_INVALID() {
        return LOGIN_INVALID;
    }
    private static final int LOGIN_INVALID_PASS = (int)2L;

    /**
     * {@snippet lang=c :
     * #define LOGIN_INVALID_PASS 2
     * }
     */
    public static int LOGIN_INVALID_PASS() {
        return LOGIN_INVALID_PASS;
    }
    private static final int LOGIN_BLOCKED_PASS = (int)3L;

    /**
     * {@snippet lang=c :
     * #define LOGIN_BLOCKED_PASS 3
     * }
     */
    public static int LOGIN_BLOCKED_PASS() {
        return LOGIN_BLOCKED_PASS;
    }
    private static final int LOGIN_EXPIRED_PASS = (int)4L;

    /**
     * {@snippet lang=c :
     * #define LOGIN_EXPIRED_PASS 4
     * }
     */
    public static int LOGIN_EXPIRED_PASS() {
        return LOGIN_EXPIRED_PASS;
    }
    private static final int LOGIN_UNKNOWN_ERR = (int)200L;

    /**
     * {@snippet lang=c :
     * #define LOGIN_UNKNOWN_ERR 200
     * }
     */
    public static int LOGIN_UNKNOWN_ERR() {
        return LOGIN_UNKNOWN_ERR;
    }
    private static final int ROTEAMENTO_DISCONNECTED = (int)0L;

    /**
     * {@snippet lang=c :
     * #define ROTEAMENTO_DISCONNECTED 0
     * }
     */
    public static int ROTEAMENTO_DISCONNECTED() {
        return ROTEAMENTO_DISCONNECTED;
    }
    private static final int ROTEAMENTO_CONNECTING = (int)1L;

    /**
     * {@snippet lang=c :
     * #define ROTEAMENTO_CONNECTING 1
     * }
     */
    public static int ROTEAMENTO_CONNECTING() {
        return ROTEAMENTO_CONNECTING;
    }
    private static final int ROTEAMENTO_CONNECTED = (int)2L;

    /**
     * {@snippet lang=c :
     * #define ROTEAMENTO_CONNECTED 2
     * }
     */
    public static int ROTEAMENTO_CONNECTED() {
        return ROTEAMENTO_CONNECTED;
    }
    private static final int ROTEAMENTO_BROKER_DISCONNECTED = (int)3L;

    /**
     * {@snippet lang=c :
     * #define ROTEAMENTO_BROKER_DISCONNECTED 3
     * }
     */
    public static int ROTEAMENTO_BROKER_DISCONNECTED() {
        return ROTEAMENTO_BROKER_DISCONNECTED;
    }
    private static final int ROTEAMENTO_BROKER_CONNECTING = (int)4L;

    /**
     * {@snippet lang=c :
     * #define ROTEAMENTO_BROKER_CONNECTING 4
     * }
     */
    public static int ROTEAMENTO_BROKER_CONNECTING() {
        return ROTEAMENTO_BROKER_CONNECTING;
    }
    private static final int ROTEAMENTO_BROKER_CONNECTED = (int)5L;

    /**
     * {@snippet lang=c :
     * #define ROTEAMENTO_BROKER_CONNECTED 5
     * }
     */
    public static int ROTEAMENTO_BROKER_CONNECTED() {
        return ROTEAMENTO_BROKER_CONNECTED;
    }
    private static final int MARKET_DISCONNECTED = (int)0L;

    /**
     * {@snippet lang=c :
     * #define MARKET_DISCONNECTED 0
     * }
     */
    public static int MARKET_DISCONNECTED() {
        return MARKET_DISCONNECTED;
    }
    private static final int MARKET_CONNECTING = (int)1L;

    /**
     * {@snippet lang=c :
     * #define MARKET_CONNECTING 1
     * }
     */
    public static int MARKET_CONNECTING() {
        return MARKET_CONNECTING;
    }
    private static final int MARKET_WAITING = (int)2L;

    /**
     * {@snippet lang=c :
     * #define MARKET_WAITING 2
     * }
     */
    public static int MARKET_WAITING() {
        return MARKET_WAITING;
    }
    private static final int MARKET_NOT_LOGGED = (int)3L;

    /**
     * {@snippet lang=c :
     * #define MARKET_NOT_LOGGED 3
     * }
     */
    public static int MARKET_NOT_LOGGED() {
        return MARKET_NOT_LOGGED;
    }
    private static final int MARKET_CONNECTED = (int)4L;

    /**
     * {@snippet lang=c :
     * #define MARKET_CONNECTED 4
     * }
     */
    public static int MARKET_CONNECTED() {
        return MARKET_CONNECTED;
    }
    private static final int MARKET_PERFORMANCE_WARNING = (int)5L;

    /**
     * {@snippet lang=c :
     * #define MARKET_PERFORMANCE_WARNING 5
     * }
     */
    public static int MARKET_PERFORMANCE_WARNING() {
        return MARKET_PERFORMANCE_WARNING;
    }
    private static final int MARKET_PARTIAL_CONNECTED = (int)6L;

    /**
     * {@snippet lang=c :
     * #define MARKET_PARTIAL_CONNECTED 6
     * }
     */
    public static int MARKET_PARTIAL_CONNECTED() {
        return MARKET_PARTIAL_CONNECTED;
    }
    private static final int CONNECTION_ACTIVATE_VALID = (int)0L;

    /**
     * {@snippet lang=c :
     * #define CONNECTION_ACTIVATE_VALID 0
     * }
     */
    public static int CONNECTION_ACTIVATE_VALID() {
        return CONNECTION_ACTIVATE_VALID;
    }
    private static final int CONNECTION_ACTIVATE_INVALID = (int)1L;

    /**
     * {@snippet lang=c :
     * #define CONNECTION_ACTIVATE_INVALID 1
     * }
     */
    public static int CONNECTION_ACTIVATE_INVALID() {
        return CONNECTION_ACTIVATE_INVALID;
    }
    private static final int SHS_RESPONSIVE = (int)0L;

    /**
     * {@snippet lang=c :
     * #define SHS_RESPONSIVE 0
     * }
     */
    public static int SHS_RESPONSIVE() {
        return SHS_RESPONSIVE;
    }
    private static final int SHS_FROZEN = (int)1L;

    /**
     * {@snippet lang=c :
     * #define SHS_FROZEN 1
     * }
     */
    public static int SHS_FROZEN() {
        return SHS_FROZEN;
    }
    private static final int COT_MARKET = (int)1L;

    /**
     * {@snippet lang=c :
     * #define COT_MARKET 1
     * }
     */
    public static int COT_MARKET() {
        return COT_MARKET;
    }
    private static final int COT_LIMIT = (int)2L;

    /**
     * {@snippet lang=c :
     * #define COT_LIMIT 2
     * }
     */
    public static int COT_LIMIT() {
        return COT_LIMIT;
    }
    private static final int COT_STOP_LIMIT = (int)4L;

    /**
     * {@snippet lang=c :
     * #define COT_STOP_LIMIT 4
     * }
     */
    public static int COT_STOP_LIMIT() {
        return COT_STOP_LIMIT;
    }
    private static final int COS_BUY = (int)1L;

    /**
     * {@snippet lang=c :
     * #define COS_BUY 1
     * }
     */
    public static int COS_BUY() {
        return COS_BUY;
    }
    private static final int COS_SELL = (int)2L;

    /**
     * {@snippet lang=c :
     * #define COS_SELL 2
     * }
     */
    public static int COS_SELL() {
        return COS_SELL;
    }
    private static final int COS_NEW = (int)0L;

    /**
     * {@snippet lang=c :
     * #define COS_NEW 0
     * }
     */
    public static int COS_NEW() {
        return COS_NEW;
    }
    private static final int COS_PARTIALLY_FILLED = (int)1L;

    /**
     * {@snippet lang=c :
     * #define COS_PARTIALLY_FILLED 1
     * }
     */
    public static int COS_PARTIALLY_FILLED() {
        return COS_PARTIALLY_FILLED;
    }
    private static final int COS_FILLED = (int)2L;

    /**
     * {@snippet lang=c :
     * #define COS_FILLED 2
     * }
     */
    public static int COS_FILLED() {
        return COS_FILLED;
    }
    private static final int COS_DONE_FOR_DAY = (int)3L;

    /**
     * {@snippet lang=c :
     * #define COS_DONE_FOR_DAY 3
     * }
     */
    public static int COS_DONE_FOR_DAY() {
        return COS_DONE_FOR_DAY;
    }
    private static final int COS_CANCELED = (int)4L;

    /**
     * {@snippet lang=c :
     * #define COS_CANCELED 4
     * }
     */
    public static int COS_CANCELED() {
        return COS_CANCELED;
    }
    private static final int COS_REPLACED = (int)5L;

    /**
     * {@snippet lang=c :
     * #define COS_REPLACED 5
     * }
     */
    public static int COS_REPLACED() {
        return COS_REPLACED;
    }
    private static final int COS_PENDING_CANCEL = (int)6L;

    /**
     * {@snippet lang=c :
     * #define COS_PENDING_CANCEL 6
     * }
     */
    public static int COS_PENDING_CANCEL() {
        return COS_PENDING_CANCEL;
    }
    private static final int COS_STOPPED = (int)7L;

    /**
     * {@snippet lang=c :
     * #define COS_STOPPED 7
     * }
     */
    public static int COS_STOPPED() {
        return COS_STOPPED;
    }
    private static final int COS_REJECTED = (int)8L;

    /**
     * {@snippet lang=c :
     * #define COS_REJECTED 8
     * }
     */
    public static int COS_REJECTED() {
        return COS_REJECTED;
    }
    private static final int COS_SUSPENDED = (int)9L;

    /**
     * {@snippet lang=c :
     * #define COS_SUSPENDED 9
     * }
     */
    public static int COS_SUSPENDED() {
        return COS_SUSPENDED;
    }
    private static final int COS_PENDING_NEW = (int)10L;

    /**
     * {@snippet lang=c :
     * #define COS_PENDING_NEW 10
     * }
     */
    public static int COS_PENDING_NEW() {
        return COS_PENDING_NEW;
    }
    private static final int COS_CALCULATED = (int)11L;

    /**
     * {@snippet lang=c :
     * #define COS_CALCULATED 11
     * }
     */
    public static int COS_CALCULATED() {
        return COS_CALCULATED;
    }
    private static final int COS_EXPIRED = (int)12L;

    /**
     * {@snippet lang=c :
     * #define COS_EXPIRED 12
     * }
     */
    public static int COS_EXPIRED() {
        return COS_EXPIRED;
    }
    private static final int COS_ACCEPTED_FOR_BIDDING = (int)13L;

    /**
     * {@snippet lang=c :
     * #define COS_ACCEPTED_FOR_BIDDING 13
     * }
     */
    public static int COS_ACCEPTED_FOR_BIDDING() {
        return COS_ACCEPTED_FOR_BIDDING;
    }
    private static final int COS_PENDING_REPLACE = (int)14L;

    /**
     * {@snippet lang=c :
     * #define COS_PENDING_REPLACE 14
     * }
     */
    public static int COS_PENDING_REPLACE() {
        return COS_PENDING_REPLACE;
    }
    private static final int COS_PARTIALLY_FILLED_CANCELED = (int)15L;

    /**
     * {@snippet lang=c :
     * #define COS_PARTIALLY_FILLED_CANCELED 15
     * }
     */
    public static int COS_PARTIALLY_FILLED_CANCELED() {
        return COS_PARTIALLY_FILLED_CANCELED;
    }
    private static final int COS_RECEIVED = (int)16L;

    /**
     * {@snippet lang=c :
     * #define COS_RECEIVED 16
     * }
     */
    public static int COS_RECEIVED() {
        return COS_RECEIVED;
    }
    private static final int COS_PARTIALLY_FILLED_EXPIRED = (int)17L;

    /**
     * {@snippet lang=c :
     * #define COS_PARTIALLY_FILLED_EXPIRED 17
     * }
     */
    public static int COS_PARTIALLY_FILLED_EXPIRED() {
        return COS_PARTIALLY_FILLED_EXPIRED;
    }
    private static final int COS_PARTIALLY_FILLED_REJECTED = (int)18L;

    /**
     * {@snippet lang=c :
     * #define COS_PARTIALLY_FILLED_REJECTED 18
     * }
     */
    public static int COS_PARTIALLY_FILLED_REJECTED() {
        return COS_PARTIALLY_FILLED_REJECTED;
    }
    private static final int COS_UNKNOWN = (int)200L;

    /**
     * {@snippet lang=c :
     * #define COS_UNKNOWN 200
     * }
     */
    public static int COS_UNKNOWN() {
        return COS_UNKNOWN;
    }
    private static final int COS_HADES_CREATED = (int)201L;

    /**
     * {@snippet lang=c :
     * #define COS_HADES_CREATED 201
     * }
     */
    public static int COS_HADES_CREATED() {
        return COS_HADES_CREATED;
    }
    private static final int COS_BROKER_SENT = (int)202L;

    /**
     * {@snippet lang=c :
     * #define COS_BROKER_SENT 202
     * }
     */
    public static int COS_BROKER_SENT() {
        return COS_BROKER_SENT;
    }
    private static final int COS_CLIENT_CREATED = (int)203L;

    /**
     * {@snippet lang=c :
     * #define COS_CLIENT_CREATED 203
     * }
     */
    public static int COS_CLIENT_CREATED() {
        return COS_CLIENT_CREATED;
    }
    private static final int COS_ORDER_NOT_CREATED = (int)204L;

    /**
     * {@snippet lang=c :
     * #define COS_ORDER_NOT_CREATED 204
     * }
     */
    public static int COS_ORDER_NOT_CREATED() {
        return COS_ORDER_NOT_CREATED;
    }
    private static final int COS_CANCELED_BY_ADMIN = (int)205L;

    /**
     * {@snippet lang=c :
     * #define COS_CANCELED_BY_ADMIN 205
     * }
     */
    public static int COS_CANCELED_BY_ADMIN() {
        return COS_CANCELED_BY_ADMIN;
    }
    private static final int COS_DELAY_FIX_GATEWAY = (int)206L;

    /**
     * {@snippet lang=c :
     * #define COS_DELAY_FIX_GATEWAY 206
     * }
     */
    public static int COS_DELAY_FIX_GATEWAY() {
        return COS_DELAY_FIX_GATEWAY;
    }
    private static final int COS_SCHEDULED_ORDER = (int)207L;

    /**
     * {@snippet lang=c :
     * #define COS_SCHEDULED_ORDER 207
     * }
     */
    public static int COS_SCHEDULED_ORDER() {
        return COS_SCHEDULED_ORDER;
    }
    private static final int CPT_DAY_TRADE = (int)1L;

    /**
     * {@snippet lang=c :
     * #define CPT_DAY_TRADE 1
     * }
     */
    public static int CPT_DAY_TRADE() {
        return CPT_DAY_TRADE;
    }
    private static final int CPT_CONSOLIDATED = (int)2L;

    /**
     * {@snippet lang=c :
     * #define CPT_CONSOLIDATED 2
     * }
     */
    public static int CPT_CONSOLIDATED() {
        return CPT_CONSOLIDATED;
    }
    private static final int CUT_OWNER = (int)0L;

    /**
     * {@snippet lang=c :
     * #define CUT_OWNER 0
     * }
     */
    public static int CUT_OWNER() {
        return CUT_OWNER;
    }
    private static final int CUT_ASSESSOR = (int)1L;

    /**
     * {@snippet lang=c :
     * #define CUT_ASSESSOR 1
     * }
     */
    public static int CUT_ASSESSOR() {
        return CUT_ASSESSOR;
    }
    private static final int CUT_MASTER = (int)2L;

    /**
     * {@snippet lang=c :
     * #define CUT_MASTER 2
     * }
     */
    public static int CUT_MASTER() {
        return CUT_MASTER;
    }
    private static final int CUT_SUB_ACCOUNT = (int)3L;

    /**
     * {@snippet lang=c :
     * #define CUT_SUB_ACCOUNT 3
     * }
     */
    public static int CUT_SUB_ACCOUNT() {
        return CUT_SUB_ACCOUNT;
    }
    private static final int CUT_RISK_MASTER = (int)4L;

    /**
     * {@snippet lang=c :
     * #define CUT_RISK_MASTER 4
     * }
     */
    public static int CUT_RISK_MASTER() {
        return CUT_RISK_MASTER;
    }
    private static final int CUT_PROP_OFFICE = (int)5L;

    /**
     * {@snippet lang=c :
     * #define CUT_PROP_OFFICE 5
     * }
     */
    public static int CUT_PROP_OFFICE() {
        return CUT_PROP_OFFICE;
    }
    private static final int CUT_PROP_MANAGER = (int)6L;

    /**
     * {@snippet lang=c :
     * #define CUT_PROP_MANAGER 6
     * }
     */
    public static int CUT_PROP_MANAGER() {
        return CUT_PROP_MANAGER;
    }
    private static final int CA_IS_SUB_ACCOUNT = (int)1L;

    /**
     * {@snippet lang=c :
     * #define CA_IS_SUB_ACCOUNT 1
     * }
     */
    public static int CA_IS_SUB_ACCOUNT() {
        return CA_IS_SUB_ACCOUNT;
    }
    private static final int CA_IS_ENABLED = (int)2L;

    /**
     * {@snippet lang=c :
     * #define CA_IS_ENABLED 2
     * }
     */
    public static int CA_IS_ENABLED() {
        return CA_IS_ENABLED;
    }
    private static final int MRC_STARTING = (int)0L;

    /**
     * {@snippet lang=c :
     * #define MRC_STARTING 0
     * }
     */
    public static int MRC_STARTING() {
        return MRC_STARTING;
    }
    private static final int MRC_NOT_CONNECTED = (int)1L;

    /**
     * {@snippet lang=c :
     * #define MRC_NOT_CONNECTED 1
     * }
     */
    public static int MRC_NOT_CONNECTED() {
        return MRC_NOT_CONNECTED;
    }
    private static final int MRC_SENT_TO_HADES_PROXY = (int)2L;

    /**
     * {@snippet lang=c :
     * #define MRC_SENT_TO_HADES_PROXY 2
     * }
     */
    public static int MRC_SENT_TO_HADES_PROXY() {
        return MRC_SENT_TO_HADES_PROXY;
    }
    private static final int MRC_REJECTED_MERCURY = (int)3L;

    /**
     * {@snippet lang=c :
     * #define MRC_REJECTED_MERCURY 3
     * }
     */
    public static int MRC_REJECTED_MERCURY() {
        return MRC_REJECTED_MERCURY;
    }
    private static final int MRC_SENT_TO_HADES = (int)4L;

    /**
     * {@snippet lang=c :
     * #define MRC_SENT_TO_HADES 4
     * }
     */
    public static int MRC_SENT_TO_HADES() {
        return MRC_SENT_TO_HADES;
    }
    private static final int MRC_REJECTED_HADES = (int)5L;

    /**
     * {@snippet lang=c :
     * #define MRC_REJECTED_HADES 5
     * }
     */
    public static int MRC_REJECTED_HADES() {
        return MRC_REJECTED_HADES;
    }
    private static final int MRC_SENT_TO_BROKER = (int)6L;

    /**
     * {@snippet lang=c :
     * #define MRC_SENT_TO_BROKER 6
     * }
     */
    public static int MRC_SENT_TO_BROKER() {
        return MRC_SENT_TO_BROKER;
    }
    private static final int MRC_REJECTED_BROKER = (int)7L;

    /**
     * {@snippet lang=c :
     * #define MRC_REJECTED_BROKER 7
     * }
     */
    public static int MRC_REJECTED_BROKER() {
        return MRC_REJECTED_BROKER;
    }
    private static final int MRC_SENT_TO_MARKET = (int)8L;

    /**
     * {@snippet lang=c :
     * #define MRC_SENT_TO_MARKET 8
     * }
     */
    public static int MRC_SENT_TO_MARKET() {
        return MRC_SENT_TO_MARKET;
    }
    private static final int MRC_REJECTED_MARKET = (int)9L;

    /**
     * {@snippet lang=c :
     * #define MRC_REJECTED_MARKET 9
     * }
     */
    public static int MRC_REJECTED_MARKET() {
        return MRC_REJECTED_MARKET;
    }
    private static final int MRC_ACCEPTED = (int)10L;

    /**
     * {@snippet lang=c :
     * #define MRC_ACCEPTED 10
     * }
     */
    public static int MRC_ACCEPTED() {
        return MRC_ACCEPTED;
    }
    private static final int MRC_BLOCKED_BY_RISK = (int)24L;

    /**
     * {@snippet lang=c :
     * #define MRC_BLOCKED_BY_RISK 24
     * }
     */
    public static int MRC_BLOCKED_BY_RISK() {
        return MRC_BLOCKED_BY_RISK;
    }
    private static final int MRC_INVALID_DATA = (int)77L;

    /**
     * {@snippet lang=c :
     * #define MRC_INVALID_DATA 77
     * }
     */
    public static int MRC_INVALID_DATA() {
        return MRC_INVALID_DATA;
    }
    private static final int MRC_UNKNOWN = (int)200L;

    /**
     * {@snippet lang=c :
     * #define MRC_UNKNOWN 200
     * }
     */
    public static int MRC_UNKNOWN() {
        return MRC_UNKNOWN;
    }
    private static final int TC_IS_EDIT = (int)1L;

    /**
     * {@snippet lang=c :
     * #define TC_IS_EDIT 1
     * }
     */
    public static int TC_IS_EDIT() {
        return TC_IS_EDIT;
    }
    private static final int TC_LAST_PACKET = (int)2L;

    /**
     * {@snippet lang=c :
     * #define TC_LAST_PACKET 2
     * }
     */
    public static int TC_LAST_PACKET() {
        return TC_LAST_PACKET;
    }
    private static final int PG_IS_THEORIC = (int)1L;

    /**
     * {@snippet lang=c :
     * #define PG_IS_THEORIC 1
     * }
     */
    public static int PG_IS_THEORIC() {
        return PG_IS_THEORIC;
    }
    private static final int UT_ADD = (int)0L;

    /**
     * {@snippet lang=c :
     * #define UT_ADD 0
     * }
     */
    public static int UT_ADD() {
        return UT_ADD;
    }
    private static final int UT_EDIT = (int)1L;

    /**
     * {@snippet lang=c :
     * #define UT_EDIT 1
     * }
     */
    public static int UT_EDIT() {
        return UT_EDIT;
    }
    private static final int UT_DELETE = (int)2L;

    /**
     * {@snippet lang=c :
     * #define UT_DELETE 2
     * }
     */
    public static int UT_DELETE() {
        return UT_DELETE;
    }
    private static final int UT_INSERT = (int)3L;

    /**
     * {@snippet lang=c :
     * #define UT_INSERT 3
     * }
     */
    public static int UT_INSERT() {
        return UT_INSERT;
    }
    private static final int UT_FULL_BOOK = (int)4L;

    /**
     * {@snippet lang=c :
     * #define UT_FULL_BOOK 4
     * }
     */
    public static int UT_FULL_BOOK() {
        return UT_FULL_BOOK;
    }
    private static final int UT_PREPARE = (int)5L;

    /**
     * {@snippet lang=c :
     * #define UT_PREPARE 5
     * }
     */
    public static int UT_PREPARE() {
        return UT_PREPARE;
    }
    private static final int UT_FLUSH = (int)6L;

    /**
     * {@snippet lang=c :
     * #define UT_FLUSH 6
     * }
     */
    public static int UT_FLUSH() {
        return UT_FLUSH;
    }
    private static final int UT_THEORIC_PRICE = (int)7L;

    /**
     * {@snippet lang=c :
     * #define UT_THEORIC_PRICE 7
     * }
     */
    public static int UT_THEORIC_PRICE() {
        return UT_THEORIC_PRICE;
    }
    private static final int UT_DELETE_FROM = (int)8L;

    /**
     * {@snippet lang=c :
     * #define UT_DELETE_FROM 8
     * }
     */
    public static int UT_DELETE_FROM() {
        return UT_DELETE_FROM;
    }
    private static final int BS_BUY = (int)0L;

    /**
     * {@snippet lang=c :
     * #define BS_BUY 0
     * }
     */
    public static int BS_BUY() {
        return BS_BUY;
    }
    private static final int BS_SELL = (int)1L;

    /**
     * {@snippet lang=c :
     * #define BS_SELL 1
     * }
     */
    public static int BS_SELL() {
        return BS_SELL;
    }
    private static final int BS_BOTH = (int)254L;

    /**
     * {@snippet lang=c :
     * #define BS_BOTH 254
     * }
     */
    public static int BS_BOTH() {
        return BS_BOTH;
    }
    private static final int BS_NONE = (int)255L;

    /**
     * {@snippet lang=c :
     * #define BS_NONE 255
     * }
     */
    public static int BS_NONE() {
        return BS_NONE;
    }
    private static final int TT_CROSS_TRADE = (int)1L;

    /**
     * {@snippet lang=c :
     * #define TT_CROSS_TRADE 1
     * }
     */
    public static int TT_CROSS_TRADE() {
        return TT_CROSS_TRADE;
    }
    private static final int TT_AGGRESSIVE_BUY = (int)2L;

    /**
     * {@snippet lang=c :
     * #define TT_AGGRESSIVE_BUY 2
     * }
     */
    public static int TT_AGGRESSIVE_BUY() {
        return TT_AGGRESSIVE_BUY;
    }
    private static final int TT_AGGRESSIVE_SELL = (int)3L;

    /**
     * {@snippet lang=c :
     * #define TT_AGGRESSIVE_SELL 3
     * }
     */
    public static int TT_AGGRESSIVE_SELL() {
        return TT_AGGRESSIVE_SELL;
    }
    private static final int TT_AUCTION = (int)4L;

    /**
     * {@snippet lang=c :
     * #define TT_AUCTION 4
     * }
     */
    public static int TT_AUCTION() {
        return TT_AUCTION;
    }
    private static final int TT_SURVEILLANCE = (int)5L;

    /**
     * {@snippet lang=c :
     * #define TT_SURVEILLANCE 5
     * }
     */
    public static int TT_SURVEILLANCE() {
        return TT_SURVEILLANCE;
    }
    private static final int TT_EXPIT = (int)6L;

    /**
     * {@snippet lang=c :
     * #define TT_EXPIT 6
     * }
     */
    public static int TT_EXPIT() {
        return TT_EXPIT;
    }
    private static final int TT_OPTIONS_EXERCISE = (int)7L;

    /**
     * {@snippet lang=c :
     * #define TT_OPTIONS_EXERCISE 7
     * }
     */
    public static int TT_OPTIONS_EXERCISE() {
        return TT_OPTIONS_EXERCISE;
    }
    private static final int TT_OVER_THE_COUNTER = (int)8L;

    /**
     * {@snippet lang=c :
     * #define TT_OVER_THE_COUNTER 8
     * }
     */
    public static int TT_OVER_THE_COUNTER() {
        return TT_OVER_THE_COUNTER;
    }
    private static final int TT_DERIVATIVE_TERM = (int)9L;

    /**
     * {@snippet lang=c :
     * #define TT_DERIVATIVE_TERM 9
     * }
     */
    public static int TT_DERIVATIVE_TERM() {
        return TT_DERIVATIVE_TERM;
    }
    private static final int TT_INDEX = (int)10L;

    /**
     * {@snippet lang=c :
     * #define TT_INDEX 10
     * }
     */
    public static int TT_INDEX() {
        return TT_INDEX;
    }
    private static final int TT_BTC = (int)11L;

    /**
     * {@snippet lang=c :
     * #define TT_BTC 11
     * }
     */
    public static int TT_BTC() {
        return TT_BTC;
    }
    private static final int TT_ON_BEHALF = (int)12L;

    /**
     * {@snippet lang=c :
     * #define TT_ON_BEHALF 12
     * }
     */
    public static int TT_ON_BEHALF() {
        return TT_ON_BEHALF;
    }
    private static final int TT_RLP = (int)13L;

    /**
     * {@snippet lang=c :
     * #define TT_RLP 13
     * }
     */
    public static int TT_RLP() {
        return TT_RLP;
    }
    private static final int TT_UNKNOWN = (int)32L;

    /**
     * {@snippet lang=c :
     * #define TT_UNKNOWN 32
     * }
     */
    public static int TT_UNKNOWN() {
        return TT_UNKNOWN;
    }
    private static final int TCS_OPENED = (int)0L;

    /**
     * {@snippet lang=c :
     * #define TCS_OPENED 0
     * }
     */
    public static int TCS_OPENED() {
        return TCS_OPENED;
    }
    private static final int TCS_FROZEN = (int)2L;

    /**
     * {@snippet lang=c :
     * #define TCS_FROZEN 2
     * }
     */
    public static int TCS_FROZEN() {
        return TCS_FROZEN;
    }
    private static final int TCS_INHIBITED = (int)3L;

    /**
     * {@snippet lang=c :
     * #define TCS_INHIBITED 3
     * }
     */
    public static int TCS_INHIBITED() {
        return TCS_INHIBITED;
    }
    private static final int TCS_AUCTIONED = (int)4L;

    /**
     * {@snippet lang=c :
     * #define TCS_AUCTIONED 4
     * }
     */
    public static int TCS_AUCTIONED() {
        return TCS_AUCTIONED;
    }
    private static final int TCS_CLOSED = (int)6L;

    /**
     * {@snippet lang=c :
     * #define TCS_CLOSED 6
     * }
     */
    public static int TCS_CLOSED() {
        return TCS_CLOSED;
    }
    private static final int TCS_PRE_CLOSING = (int)10L;

    /**
     * {@snippet lang=c :
     * #define TCS_PRE_CLOSING 10
     * }
     */
    public static int TCS_PRE_CLOSING() {
        return TCS_PRE_CLOSING;
    }
    private static final int TCS_PRE_OPENING = (int)13L;

    /**
     * {@snippet lang=c :
     * #define TCS_PRE_OPENING 13
     * }
     */
    public static int TCS_PRE_OPENING() {
        return TCS_PRE_OPENING;
    }
    private static final int PDLL_STRING0IN_LEN = (int)100L;

    /**
     * {@snippet lang=c :
     * #define PDLL_STRING0IN_LEN 100
     * }
     */
    public static int PDLL_STRING0IN_LEN() {
        return PDLL_STRING0IN_LEN;
    }

    private static final FunctionDescriptor DLLInitializeLogin$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor DLLInitializeMarketLogin$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor DLLFinalize$DESC = FunctionDescriptor.of(ProfitDLL.C_INT);
    private static final FunctionDescriptor GetServerClock$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor GetHealthStatus$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor FreePointer$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER, ProfitDLL.C_INT);
    private static final FunctionDescriptor SetStateCallback$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor SetHealthCallback$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor SubscribeTicker$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor UnsubscribeTicker$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor GetHistoryTrades$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor TranslateTrade$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor SubscribePriceDepth$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor UnsubscribePriceDepth$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor GetPriceDepthSideCount$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER, ProfitDLL.C_CHAR);
    private static final FunctionDescriptor GetPriceGroup$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER, ProfitDLL.C_CHAR, ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor SetTradeCallbackV2$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor SetHistoryTradeCallbackV2$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor SetSerieProgressCallback$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor SetPriceDepthCallback$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor SetInvalidTickerCallback$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor SetChangeStateTickerCallback$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor SetOrderCallback$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor SetOrderHistoryCallback$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor SetTradingMessageResultCallback$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor SetAssetPositionListCallback$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor SetBrokerAccountListChangedCallback$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor SetBrokerSubAccountListChangedCallback$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor SendOrder$DESC = FunctionDescriptor.of(ProfitDLL.C_LONG_LONG, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor SendChangeOrderV2$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor SendCancelOrderV2$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor SendCancelOrdersV2$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor SendCancelAllOrdersV2$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor SendZeroPositionV2$DESC = FunctionDescriptor.of(ProfitDLL.C_LONG_LONG, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor GetAccountCount$DESC = FunctionDescriptor.of(ProfitDLL.C_INT);
    private static final FunctionDescriptor GetAccounts$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_INT, ProfitDLL.C_INT, ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor GetAccountDetails$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor GetAccountCountByBroker$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_INT);
    private static final FunctionDescriptor GetAccountsByBroker$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_INT, ProfitDLL.C_INT, ProfitDLL.C_INT, ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor GetSubAccountCount$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor GetSubAccounts$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER, ProfitDLL.C_INT, ProfitDLL.C_INT, ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor GetPositionV2$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor EnumerateAllPositionAssets$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER, ProfitDLL.C_CHAR, ProfitDLL.C_LONG_LONG, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor GetOrderDetails$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor HasOrdersInInterval$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor EnumerateAllOrders$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER, ProfitDLL.C_CHAR, ProfitDLL.C_LONG_LONG, ProfitDLL.C_POINTER);
    private static final FunctionDescriptor EnumerateOrdersByInterval$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER, ProfitDLL.C_CHAR, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER, ProfitDLL.C_LONG_LONG, ProfitDLL.C_POINTER);

    private final MemorySegment DLLInitializeLogin$ADDR;
    private final MethodHandle DLLInitializeLogin$MH;
    private final MemorySegment DLLInitializeMarketLogin$ADDR;
    private final MethodHandle DLLInitializeMarketLogin$MH;
    private final MemorySegment DLLFinalize$ADDR;
    private final MethodHandle DLLFinalize$MH;
    private final MemorySegment GetServerClock$ADDR;
    private final MethodHandle GetServerClock$MH;
    private final MemorySegment GetHealthStatus$ADDR;
    private final MethodHandle GetHealthStatus$MH;
    private final MemorySegment FreePointer$ADDR;
    private final MethodHandle FreePointer$MH;
    private final MemorySegment SetStateCallback$ADDR;
    private final MethodHandle SetStateCallback$MH;
    private final MemorySegment SetHealthCallback$ADDR;
    private final MethodHandle SetHealthCallback$MH;
    private final MemorySegment SubscribeTicker$ADDR;
    private final MethodHandle SubscribeTicker$MH;
    private final MemorySegment UnsubscribeTicker$ADDR;
    private final MethodHandle UnsubscribeTicker$MH;
    private final MemorySegment GetHistoryTrades$ADDR;
    private final MethodHandle GetHistoryTrades$MH;
    private final MemorySegment TranslateTrade$ADDR;
    private final MethodHandle TranslateTrade$MH;
    private final MemorySegment SubscribePriceDepth$ADDR;
    private final MethodHandle SubscribePriceDepth$MH;
    private final MemorySegment UnsubscribePriceDepth$ADDR;
    private final MethodHandle UnsubscribePriceDepth$MH;
    private final MemorySegment GetPriceDepthSideCount$ADDR;
    private final MethodHandle GetPriceDepthSideCount$MH;
    private final MemorySegment GetPriceGroup$ADDR;
    private final MethodHandle GetPriceGroup$MH;
    private final MemorySegment SetTradeCallbackV2$ADDR;
    private final MethodHandle SetTradeCallbackV2$MH;
    private final MemorySegment SetHistoryTradeCallbackV2$ADDR;
    private final MethodHandle SetHistoryTradeCallbackV2$MH;
    private final MemorySegment SetSerieProgressCallback$ADDR;
    private final MethodHandle SetSerieProgressCallback$MH;
    private final MemorySegment SetPriceDepthCallback$ADDR;
    private final MethodHandle SetPriceDepthCallback$MH;
    private final MemorySegment SetInvalidTickerCallback$ADDR;
    private final MethodHandle SetInvalidTickerCallback$MH;
    private final MemorySegment SetChangeStateTickerCallback$ADDR;
    private final MethodHandle SetChangeStateTickerCallback$MH;
    private final MemorySegment SetOrderCallback$ADDR;
    private final MethodHandle SetOrderCallback$MH;
    private final MemorySegment SetOrderHistoryCallback$ADDR;
    private final MethodHandle SetOrderHistoryCallback$MH;
    private final MemorySegment SetTradingMessageResultCallback$ADDR;
    private final MethodHandle SetTradingMessageResultCallback$MH;
    private final MemorySegment SetAssetPositionListCallback$ADDR;
    private final MethodHandle SetAssetPositionListCallback$MH;
    private final MemorySegment SetBrokerAccountListChangedCallback$ADDR;
    private final MethodHandle SetBrokerAccountListChangedCallback$MH;
    private final MemorySegment SetBrokerSubAccountListChangedCallback$ADDR;
    private final MethodHandle SetBrokerSubAccountListChangedCallback$MH;
    private final MemorySegment SendOrder$ADDR;
    private final MethodHandle SendOrder$MH;
    private final MemorySegment SendChangeOrderV2$ADDR;
    private final MethodHandle SendChangeOrderV2$MH;
    private final MemorySegment SendCancelOrderV2$ADDR;
    private final MethodHandle SendCancelOrderV2$MH;
    private final MemorySegment SendCancelOrdersV2$ADDR;
    private final MethodHandle SendCancelOrdersV2$MH;
    private final MemorySegment SendCancelAllOrdersV2$ADDR;
    private final MethodHandle SendCancelAllOrdersV2$MH;
    private final MemorySegment SendZeroPositionV2$ADDR;
    private final MethodHandle SendZeroPositionV2$MH;
    private final MemorySegment GetAccountCount$ADDR;
    private final MethodHandle GetAccountCount$MH;
    private final MemorySegment GetAccounts$ADDR;
    private final MethodHandle GetAccounts$MH;
    private final MemorySegment GetAccountDetails$ADDR;
    private final MethodHandle GetAccountDetails$MH;
    private final MemorySegment GetAccountCountByBroker$ADDR;
    private final MethodHandle GetAccountCountByBroker$MH;
    private final MemorySegment GetAccountsByBroker$ADDR;
    private final MethodHandle GetAccountsByBroker$MH;
    private final MemorySegment GetSubAccountCount$ADDR;
    private final MethodHandle GetSubAccountCount$MH;
    private final MemorySegment GetSubAccounts$ADDR;
    private final MethodHandle GetSubAccounts$MH;
    private final MemorySegment GetPositionV2$ADDR;
    private final MethodHandle GetPositionV2$MH;
    private final MemorySegment EnumerateAllPositionAssets$ADDR;
    private final MethodHandle EnumerateAllPositionAssets$MH;
    private final MemorySegment GetOrderDetails$ADDR;
    private final MethodHandle GetOrderDetails$MH;
    private final MemorySegment HasOrdersInInterval$ADDR;
    private final MethodHandle HasOrdersInInterval$MH;
    private final MemorySegment EnumerateAllOrders$ADDR;
    private final MethodHandle EnumerateAllOrders$MH;
    private final MemorySegment EnumerateOrdersByInterval$ADDR;
    private final MethodHandle EnumerateOrdersByInterval$MH;

    private final Path library;
    private final Optional<Simulator> simulator;

    private ProfitDLL(Path library, SymbolLookup lookup) {
        this.library = library;
        DLLInitializeLogin$ADDR = findOrThrow(lookup, library, "DLLInitializeLogin");
        DLLInitializeLogin$MH = LINKER.downcallHandle(DLLInitializeLogin$ADDR, DLLInitializeLogin$DESC);
        DLLInitializeMarketLogin$ADDR = findOrThrow(lookup, library, "DLLInitializeMarketLogin");
        DLLInitializeMarketLogin$MH = LINKER.downcallHandle(DLLInitializeMarketLogin$ADDR, DLLInitializeMarketLogin$DESC);
        DLLFinalize$ADDR = findOrThrow(lookup, library, "DLLFinalize");
        DLLFinalize$MH = LINKER.downcallHandle(DLLFinalize$ADDR, DLLFinalize$DESC);
        GetServerClock$ADDR = findOrThrow(lookup, library, "GetServerClock");
        GetServerClock$MH = LINKER.downcallHandle(GetServerClock$ADDR, GetServerClock$DESC);
        GetHealthStatus$ADDR = findOrThrow(lookup, library, "GetHealthStatus");
        GetHealthStatus$MH = LINKER.downcallHandle(GetHealthStatus$ADDR, GetHealthStatus$DESC);
        FreePointer$ADDR = findOrThrow(lookup, library, "FreePointer");
        FreePointer$MH = LINKER.downcallHandle(FreePointer$ADDR, FreePointer$DESC);
        SetStateCallback$ADDR = findOrThrow(lookup, library, "SetStateCallback");
        SetStateCallback$MH = LINKER.downcallHandle(SetStateCallback$ADDR, SetStateCallback$DESC);
        SetHealthCallback$ADDR = findOrThrow(lookup, library, "SetHealthCallback");
        SetHealthCallback$MH = LINKER.downcallHandle(SetHealthCallback$ADDR, SetHealthCallback$DESC);
        SubscribeTicker$ADDR = findOrThrow(lookup, library, "SubscribeTicker");
        SubscribeTicker$MH = LINKER.downcallHandle(SubscribeTicker$ADDR, SubscribeTicker$DESC);
        UnsubscribeTicker$ADDR = findOrThrow(lookup, library, "UnsubscribeTicker");
        UnsubscribeTicker$MH = LINKER.downcallHandle(UnsubscribeTicker$ADDR, UnsubscribeTicker$DESC);
        GetHistoryTrades$ADDR = findOrThrow(lookup, library, "GetHistoryTrades");
        GetHistoryTrades$MH = LINKER.downcallHandle(GetHistoryTrades$ADDR, GetHistoryTrades$DESC);
        TranslateTrade$ADDR = findOrThrow(lookup, library, "TranslateTrade");
        TranslateTrade$MH = LINKER.downcallHandle(TranslateTrade$ADDR, TranslateTrade$DESC, Linker.Option.critical(false));
        SubscribePriceDepth$ADDR = findOrThrow(lookup, library, "SubscribePriceDepth");
        SubscribePriceDepth$MH = LINKER.downcallHandle(SubscribePriceDepth$ADDR, SubscribePriceDepth$DESC);
        UnsubscribePriceDepth$ADDR = findOrThrow(lookup, library, "UnsubscribePriceDepth");
        UnsubscribePriceDepth$MH = LINKER.downcallHandle(UnsubscribePriceDepth$ADDR, UnsubscribePriceDepth$DESC);
        GetPriceDepthSideCount$ADDR = findOrThrow(lookup, library, "GetPriceDepthSideCount");
        GetPriceDepthSideCount$MH = LINKER.downcallHandle(GetPriceDepthSideCount$ADDR, GetPriceDepthSideCount$DESC);
        GetPriceGroup$ADDR = findOrThrow(lookup, library, "GetPriceGroup");
        GetPriceGroup$MH = LINKER.downcallHandle(GetPriceGroup$ADDR, GetPriceGroup$DESC, Linker.Option.critical(false));
        SetTradeCallbackV2$ADDR = findOrThrow(lookup, library, "SetTradeCallbackV2");
        SetTradeCallbackV2$MH = LINKER.downcallHandle(SetTradeCallbackV2$ADDR, SetTradeCallbackV2$DESC);
        SetHistoryTradeCallbackV2$ADDR = findOrThrow(lookup, library, "SetHistoryTradeCallbackV2");
        SetHistoryTradeCallbackV2$MH = LINKER.downcallHandle(SetHistoryTradeCallbackV2$ADDR, SetHistoryTradeCallbackV2$DESC);
        SetSerieProgressCallback$ADDR = findOrThrow(lookup, library, "SetSerieProgressCallback");
        SetSerieProgressCallback$MH = LINKER.downcallHandle(SetSerieProgressCallback$ADDR, SetSerieProgressCallback$DESC);
        SetPriceDepthCallback$ADDR = findOrThrow(lookup, library, "SetPriceDepthCallback");
        SetPriceDepthCallback$MH = LINKER.downcallHandle(SetPriceDepthCallback$ADDR, SetPriceDepthCallback$DESC);
        SetInvalidTickerCallback$ADDR = findOrThrow(lookup, library, "SetInvalidTickerCallback");
        SetInvalidTickerCallback$MH = LINKER.downcallHandle(SetInvalidTickerCallback$ADDR, SetInvalidTickerCallback$DESC);
        SetChangeStateTickerCallback$ADDR = findOrThrow(lookup, library, "SetChangeStateTickerCallback");
        SetChangeStateTickerCallback$MH = LINKER.downcallHandle(SetChangeStateTickerCallback$ADDR, SetChangeStateTickerCallback$DESC);
        SetOrderCallback$ADDR = findOrThrow(lookup, library, "SetOrderCallback");
        SetOrderCallback$MH = LINKER.downcallHandle(SetOrderCallback$ADDR, SetOrderCallback$DESC);
        SetOrderHistoryCallback$ADDR = findOrThrow(lookup, library, "SetOrderHistoryCallback");
        SetOrderHistoryCallback$MH = LINKER.downcallHandle(SetOrderHistoryCallback$ADDR, SetOrderHistoryCallback$DESC);
        SetTradingMessageResultCallback$ADDR = findOrThrow(lookup, library, "SetTradingMessageResultCallback");
        SetTradingMessageResultCallback$MH = LINKER.downcallHandle(SetTradingMessageResultCallback$ADDR, SetTradingMessageResultCallback$DESC);
        SetAssetPositionListCallback$ADDR = findOrThrow(lookup, library, "SetAssetPositionListCallback");
        SetAssetPositionListCallback$MH = LINKER.downcallHandle(SetAssetPositionListCallback$ADDR, SetAssetPositionListCallback$DESC);
        SetBrokerAccountListChangedCallback$ADDR = findOrThrow(lookup, library, "SetBrokerAccountListChangedCallback");
        SetBrokerAccountListChangedCallback$MH = LINKER.downcallHandle(SetBrokerAccountListChangedCallback$ADDR, SetBrokerAccountListChangedCallback$DESC);
        SetBrokerSubAccountListChangedCallback$ADDR = findOrThrow(lookup, library, "SetBrokerSubAccountListChangedCallback");
        SetBrokerSubAccountListChangedCallback$MH = LINKER.downcallHandle(SetBrokerSubAccountListChangedCallback$ADDR, SetBrokerSubAccountListChangedCallback$DESC);
        SendOrder$ADDR = findOrThrow(lookup, library, "SendOrder");
        SendOrder$MH = LINKER.downcallHandle(SendOrder$ADDR, SendOrder$DESC);
        SendChangeOrderV2$ADDR = findOrThrow(lookup, library, "SendChangeOrderV2");
        SendChangeOrderV2$MH = LINKER.downcallHandle(SendChangeOrderV2$ADDR, SendChangeOrderV2$DESC);
        SendCancelOrderV2$ADDR = findOrThrow(lookup, library, "SendCancelOrderV2");
        SendCancelOrderV2$MH = LINKER.downcallHandle(SendCancelOrderV2$ADDR, SendCancelOrderV2$DESC);
        SendCancelOrdersV2$ADDR = findOrThrow(lookup, library, "SendCancelOrdersV2");
        SendCancelOrdersV2$MH = LINKER.downcallHandle(SendCancelOrdersV2$ADDR, SendCancelOrdersV2$DESC);
        SendCancelAllOrdersV2$ADDR = findOrThrow(lookup, library, "SendCancelAllOrdersV2");
        SendCancelAllOrdersV2$MH = LINKER.downcallHandle(SendCancelAllOrdersV2$ADDR, SendCancelAllOrdersV2$DESC);
        SendZeroPositionV2$ADDR = findOrThrow(lookup, library, "SendZeroPositionV2");
        SendZeroPositionV2$MH = LINKER.downcallHandle(SendZeroPositionV2$ADDR, SendZeroPositionV2$DESC);
        GetAccountCount$ADDR = findOrThrow(lookup, library, "GetAccountCount");
        GetAccountCount$MH = LINKER.downcallHandle(GetAccountCount$ADDR, GetAccountCount$DESC);
        GetAccounts$ADDR = findOrThrow(lookup, library, "GetAccounts");
        GetAccounts$MH = LINKER.downcallHandle(GetAccounts$ADDR, GetAccounts$DESC);
        GetAccountDetails$ADDR = findOrThrow(lookup, library, "GetAccountDetails");
        GetAccountDetails$MH = LINKER.downcallHandle(GetAccountDetails$ADDR, GetAccountDetails$DESC);
        GetAccountCountByBroker$ADDR = findOrThrow(lookup, library, "GetAccountCountByBroker");
        GetAccountCountByBroker$MH = LINKER.downcallHandle(GetAccountCountByBroker$ADDR, GetAccountCountByBroker$DESC);
        GetAccountsByBroker$ADDR = findOrThrow(lookup, library, "GetAccountsByBroker");
        GetAccountsByBroker$MH = LINKER.downcallHandle(GetAccountsByBroker$ADDR, GetAccountsByBroker$DESC);
        GetSubAccountCount$ADDR = findOrThrow(lookup, library, "GetSubAccountCount");
        GetSubAccountCount$MH = LINKER.downcallHandle(GetSubAccountCount$ADDR, GetSubAccountCount$DESC);
        GetSubAccounts$ADDR = findOrThrow(lookup, library, "GetSubAccounts");
        GetSubAccounts$MH = LINKER.downcallHandle(GetSubAccounts$ADDR, GetSubAccounts$DESC);
        GetPositionV2$ADDR = findOrThrow(lookup, library, "GetPositionV2");
        GetPositionV2$MH = LINKER.downcallHandle(GetPositionV2$ADDR, GetPositionV2$DESC);
        EnumerateAllPositionAssets$ADDR = findOrThrow(lookup, library, "EnumerateAllPositionAssets");
        EnumerateAllPositionAssets$MH = LINKER.downcallHandle(EnumerateAllPositionAssets$ADDR, EnumerateAllPositionAssets$DESC);
        GetOrderDetails$ADDR = findOrThrow(lookup, library, "GetOrderDetails");
        GetOrderDetails$MH = LINKER.downcallHandle(GetOrderDetails$ADDR, GetOrderDetails$DESC);
        HasOrdersInInterval$ADDR = findOrThrow(lookup, library, "HasOrdersInInterval");
        HasOrdersInInterval$MH = LINKER.downcallHandle(HasOrdersInInterval$ADDR, HasOrdersInInterval$DESC);
        EnumerateAllOrders$ADDR = findOrThrow(lookup, library, "EnumerateAllOrders");
        EnumerateAllOrders$MH = LINKER.downcallHandle(EnumerateAllOrders$ADDR, EnumerateAllOrders$DESC);
        EnumerateOrdersByInterval$ADDR = findOrThrow(lookup, library, "EnumerateOrdersByInterval");
        EnumerateOrdersByInterval$MH = LINKER.downcallHandle(EnumerateOrdersByInterval$ADDR, EnumerateOrdersByInterval$DESC);
        this.simulator = lookup.find("SimSetOption").isPresent()
                ? Optional.of(new Simulator(library, lookup)) : Optional.empty();
    }

    /**
     * Loads the library at {@code library} into the global arena (it stays loaded for the life of the JVM) and
     * links every function of the header. Call once per process, from any thread.
     *
     * @param library the simulator {@code .so} or {@code ProfitDLL64.dll}
     * @return the bound library
     * @throws IllegalArgumentException if the library cannot be loaded, or lacks one of the header's functions
     *         (the message names the path and the symbol)
     */
    public static ProfitDLL load(Path library) {
        SymbolLookup lookup;
        try {
            lookup = SymbolLookup.libraryLookup(library, Arena.global());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot load library " + library + ": " + e.getMessage(), e);
        }
        return new ProfitDLL(library, lookup);
    }

    /** The path this instance was loaded from. */
    public Path library() {
        return library;
    }

    /**
     * The simulator-only exports ({@code profitdll_sim.h}), present when the library exports
     * {@code SimSetOption}: empty for the vendor DLL.
     */
    public Optional<Simulator> simulator() {
        return simulator;
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult DLLInitializeLogin( const PDLL_WCHAR *pwcActivationKey,
     *     const PDLL_WCHAR *pwcUser,
     *     const PDLL_WCHAR *pwcPassword,
     *     TStateCallback StateCallback,
     *     THistoryCallback HistoryCallback,
     *     TOrderChangeCallback OrderChangeCallback,
     *     TAccountCallback AccountCallback,
     *     TNewTradeCallback NewTradeCallback,
     *     TNewDailyCallback NewDailyCallback,
     *     TPriceBookCallback PriceBookCallback,
     *     TOfferBookCallback OfferBookCallback,
     *     THistoryTradeCallback HistoryTradeCallback,
     *     TProgressCallback ProgressCallback,
     *     TTinyBookCallback TinyBookCallback);
     * }
     */
    public static FunctionDescriptor DLLInitializeLogin$descriptor() {
        return DLLInitializeLogin$DESC;
    }

    /** Downcall method handle for {@code DLLInitializeLogin}. */
    public MethodHandle DLLInitializeLogin$handle() {
        return DLLInitializeLogin$MH;
    }

    /** Address of {@code DLLInitializeLogin} in the loaded library. */
    public MemorySegment DLLInitializeLogin$address() {
        return DLLInitializeLogin$ADDR;
    }

    /**
     * Starts market data and routing with the activation key, user and password (UTF-16); any callback may be
     * {@code NULL}. The connection state arrives asynchronously on {@code StateCallback}.
     * {@snippet lang=c :
     * NResult DLLInitializeLogin( const PDLL_WCHAR *pwcActivationKey,
     *     const PDLL_WCHAR *pwcUser,
     *     const PDLL_WCHAR *pwcPassword,
     *     TStateCallback StateCallback,
     *     THistoryCallback HistoryCallback,
     *     TOrderChangeCallback OrderChangeCallback,
     *     TAccountCallback AccountCallback,
     *     TNewTradeCallback NewTradeCallback,
     *     TNewDailyCallback NewDailyCallback,
     *     TPriceBookCallback PriceBookCallback,
     *     TOfferBookCallback OfferBookCallback,
     *     THistoryTradeCallback HistoryTradeCallback,
     *     TProgressCallback ProgressCallback,
     *     TTinyBookCallback TinyBookCallback);
     * }
     */
    public int DLLInitializeLogin(MemorySegment pwcActivationKey, MemorySegment pwcUser, MemorySegment pwcPassword, MemorySegment StateCallback, MemorySegment HistoryCallback, MemorySegment OrderChangeCallback, MemorySegment AccountCallback, MemorySegment NewTradeCallback, MemorySegment NewDailyCallback, MemorySegment PriceBookCallback, MemorySegment OfferBookCallback, MemorySegment HistoryTradeCallback, MemorySegment ProgressCallback, MemorySegment TinyBookCallback) {
        var mh$ = DLLInitializeLogin$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("DLLInitializeLogin", pwcActivationKey, pwcUser, pwcPassword, StateCallback, HistoryCallback, OrderChangeCallback, AccountCallback, NewTradeCallback, NewDailyCallback, PriceBookCallback, OfferBookCallback, HistoryTradeCallback, ProgressCallback, TinyBookCallback);
            }
            return (int)mh$.invokeExact(pwcActivationKey, pwcUser, pwcPassword, StateCallback, HistoryCallback, OrderChangeCallback, AccountCallback, NewTradeCallback, NewDailyCallback, PriceBookCallback, OfferBookCallback, HistoryTradeCallback, ProgressCallback, TinyBookCallback);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult DLLInitializeMarketLogin( const PDLL_WCHAR *pwcActivationKey,
     *     const PDLL_WCHAR *pwcUser,
     *     const PDLL_WCHAR *pwcPassword,
     *     TStateCallback StateCallback,
     *     TNewTradeCallback NewTradeCallback,
     *     TNewDailyCallback NewDailyCallback,
     *     TPriceBookCallback PriceBookCallback,
     *     TOfferBookCallback OfferBookCallback,
     *     THistoryTradeCallback HistoryTradeCallback,
     *     TProgressCallback ProgressCallback,
     *     TTinyBookCallback TinyBookCallback);
     * }
     */
    public static FunctionDescriptor DLLInitializeMarketLogin$descriptor() {
        return DLLInitializeMarketLogin$DESC;
    }

    /** Downcall method handle for {@code DLLInitializeMarketLogin}. */
    public MethodHandle DLLInitializeMarketLogin$handle() {
        return DLLInitializeMarketLogin$MH;
    }

    /** Address of {@code DLLInitializeMarketLogin} in the loaded library. */
    public MemorySegment DLLInitializeMarketLogin$address() {
        return DLLInitializeMarketLogin$ADDR;
    }

    /**
     * Starts market data only; routing functions then return {@code NL_MARKET_ONLY}.
     * {@snippet lang=c :
     * NResult DLLInitializeMarketLogin( const PDLL_WCHAR *pwcActivationKey,
     *     const PDLL_WCHAR *pwcUser,
     *     const PDLL_WCHAR *pwcPassword,
     *     TStateCallback StateCallback,
     *     TNewTradeCallback NewTradeCallback,
     *     TNewDailyCallback NewDailyCallback,
     *     TPriceBookCallback PriceBookCallback,
     *     TOfferBookCallback OfferBookCallback,
     *     THistoryTradeCallback HistoryTradeCallback,
     *     TProgressCallback ProgressCallback,
     *     TTinyBookCallback TinyBookCallback);
     * }
     */
    public int DLLInitializeMarketLogin(MemorySegment pwcActivationKey, MemorySegment pwcUser, MemorySegment pwcPassword, MemorySegment StateCallback, MemorySegment NewTradeCallback, MemorySegment NewDailyCallback, MemorySegment PriceBookCallback, MemorySegment OfferBookCallback, MemorySegment HistoryTradeCallback, MemorySegment ProgressCallback, MemorySegment TinyBookCallback) {
        var mh$ = DLLInitializeMarketLogin$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("DLLInitializeMarketLogin", pwcActivationKey, pwcUser, pwcPassword, StateCallback, NewTradeCallback, NewDailyCallback, PriceBookCallback, OfferBookCallback, HistoryTradeCallback, ProgressCallback, TinyBookCallback);
            }
            return (int)mh$.invokeExact(pwcActivationKey, pwcUser, pwcPassword, StateCallback, NewTradeCallback, NewDailyCallback, PriceBookCallback, OfferBookCallback, HistoryTradeCallback, ProgressCallback, TinyBookCallback);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult DLLFinalize(void);
     * }
     */
    public static FunctionDescriptor DLLFinalize$descriptor() {
        return DLLFinalize$DESC;
    }

    /** Downcall method handle for {@code DLLFinalize}. */
    public MethodHandle DLLFinalize$handle() {
        return DLLFinalize$MH;
    }

    /** Address of {@code DLLFinalize} in the loaded library. */
    public MemorySegment DLLFinalize$address() {
        return DLLFinalize$ADDR;
    }

    /**
     * Shuts the DLL's services down.
     * {@snippet lang=c :
     * NResult DLLFinalize(void);
     * }
     */
    public int DLLFinalize() {
        var mh$ = DLLFinalize$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("DLLFinalize");
            }
            return (int)mh$.invokeExact();
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult GetServerClock(double *dtDate,
     *     int32_t *nYear,
     *     int32_t *nMonth,
     *     int32_t *nDay,
     *     int32_t *nHour,
     *     int32_t *nMin,
     *     int32_t *nSec,
     *     int32_t *nMilisec);
     * }
     */
    public static FunctionDescriptor GetServerClock$descriptor() {
        return GetServerClock$DESC;
    }

    /** Downcall method handle for {@code GetServerClock}. */
    public MethodHandle GetServerClock$handle() {
        return GetServerClock$MH;
    }

    /** Address of {@code GetServerClock} in the loaded library. */
    public MemorySegment GetServerClock$address() {
        return GetServerClock$ADDR;
    }

    /**
     * Market-data server time: {@code dtDate} a Delphi {@code TDateTime} (days since 1899-12-30), and its parts.
     * {@snippet lang=c :
     * NResult GetServerClock(double *dtDate,
     *     int32_t *nYear,
     *     int32_t *nMonth,
     *     int32_t *nDay,
     *     int32_t *nHour,
     *     int32_t *nMin,
     *     int32_t *nSec,
     *     int32_t *nMilisec);
     * }
     */
    public int GetServerClock(MemorySegment dtDate, MemorySegment nYear, MemorySegment nMonth, MemorySegment nDay, MemorySegment nHour, MemorySegment nMin, MemorySegment nSec, MemorySegment nMilisec) {
        var mh$ = GetServerClock$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("GetServerClock", dtDate, nYear, nMonth, nDay, nHour, nMin, nSec, nMilisec);
            }
            return (int)mh$.invokeExact(dtDate, nYear, nMonth, nDay, nHour, nMin, nSec, nMilisec);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult GetHealthStatus(int32_t *nState);
     * }
     */
    public static FunctionDescriptor GetHealthStatus$descriptor() {
        return GetHealthStatus$DESC;
    }

    /** Downcall method handle for {@code GetHealthStatus}. */
    public MethodHandle GetHealthStatus$handle() {
        return GetHealthStatus$MH;
    }

    /** Address of {@code GetHealthStatus} in the loaded library. */
    public MemorySegment GetHealthStatus$address() {
        return GetHealthStatus$ADDR;
    }

    /**
     * Writes {@code SHS_RESPONSIVE} or {@code SHS_FROZEN} to {@code *nState}; {@code NL_NOT_INITIALIZED} before init.
     * {@snippet lang=c :
     * NResult GetHealthStatus(int32_t *nState);
     * }
     */
    public int GetHealthStatus(MemorySegment nState) {
        var mh$ = GetHealthStatus$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("GetHealthStatus", nState);
            }
            return (int)mh$.invokeExact(nState);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult FreePointer(void *pPointer,
     *     int32_t nSize);
     * }
     */
    public static FunctionDescriptor FreePointer$descriptor() {
        return FreePointer$DESC;
    }

    /** Downcall method handle for {@code FreePointer}. */
    public MethodHandle FreePointer$handle() {
        return FreePointer$MH;
    }

    /** Address of {@code FreePointer} in the loaded library. */
    public MemorySegment FreePointer$address() {
        return FreePointer$ADDR;
    }

    /**
     * Releases a buffer the DLL returned (book arrays, legacy position buffer); {@code nSize} in bytes.
     * {@snippet lang=c :
     * NResult FreePointer(void *pPointer,
     *     int32_t nSize);
     * }
     */
    public int FreePointer(MemorySegment pPointer, int nSize) {
        var mh$ = FreePointer$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("FreePointer", pPointer, nSize);
            }
            return (int)mh$.invokeExact(pPointer, nSize);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult SetStateCallback(TStateCallback a_Callback);
     * }
     */
    public static FunctionDescriptor SetStateCallback$descriptor() {
        return SetStateCallback$DESC;
    }

    /** Downcall method handle for {@code SetStateCallback}. */
    public MethodHandle SetStateCallback$handle() {
        return SetStateCallback$MH;
    }

    /** Address of {@code SetStateCallback} in the loaded library. */
    public MemorySegment SetStateCallback$address() {
        return SetStateCallback$ADDR;
    }

    /**
     * Registers the {@link TStateCallback} callback ({@link MemorySegment#NULL} clears it); keep the upcall stub
     * alive while registered. Not from inside a callback.
     * {@snippet lang=c :
     * NResult SetStateCallback(TStateCallback a_Callback);
     * }
     */
    public int SetStateCallback(MemorySegment a_Callback) {
        var mh$ = SetStateCallback$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("SetStateCallback", a_Callback);
            }
            return (int)mh$.invokeExact(a_Callback);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult SetHealthCallback(TSystemHealthCallback a_Callback);
     * }
     */
    public static FunctionDescriptor SetHealthCallback$descriptor() {
        return SetHealthCallback$DESC;
    }

    /** Downcall method handle for {@code SetHealthCallback}. */
    public MethodHandle SetHealthCallback$handle() {
        return SetHealthCallback$MH;
    }

    /** Address of {@code SetHealthCallback} in the loaded library. */
    public MemorySegment SetHealthCallback$address() {
        return SetHealthCallback$ADDR;
    }

    /**
     * Registers the {@link TSystemHealthCallback} callback ({@link MemorySegment#NULL} clears it); keep the upcall stub
     * alive while registered. Not from inside a callback.
     * {@snippet lang=c :
     * NResult SetHealthCallback(TSystemHealthCallback a_Callback);
     * }
     */
    public int SetHealthCallback(MemorySegment a_Callback) {
        var mh$ = SetHealthCallback$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("SetHealthCallback", a_Callback);
            }
            return (int)mh$.invokeExact(a_Callback);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult SubscribeTicker(const PDLL_WCHAR *pwcTicker,
     *     const PDLL_WCHAR *pwcBolsa);
     * }
     */
    public static FunctionDescriptor SubscribeTicker$descriptor() {
        return SubscribeTicker$DESC;
    }

    /** Downcall method handle for {@code SubscribeTicker}. */
    public MethodHandle SubscribeTicker$handle() {
        return SubscribeTicker$MH;
    }

    /** Address of {@code SubscribeTicker} in the loaded library. */
    public MemorySegment SubscribeTicker$address() {
        return SubscribeTicker$ADDR;
    }

    /**
     * Subscribes real-time trades of a ticker on an exchange (UTF-16, e.g. {@code PETR4}, {@code B}).
     * {@snippet lang=c :
     * NResult SubscribeTicker(const PDLL_WCHAR *pwcTicker,
     *     const PDLL_WCHAR *pwcBolsa);
     * }
     */
    public int SubscribeTicker(MemorySegment pwcTicker, MemorySegment pwcBolsa) {
        var mh$ = SubscribeTicker$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("SubscribeTicker", pwcTicker, pwcBolsa);
            }
            return (int)mh$.invokeExact(pwcTicker, pwcBolsa);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult UnsubscribeTicker(const PDLL_WCHAR *pwcTicker,
     *     const PDLL_WCHAR *pwcBolsa);
     * }
     */
    public static FunctionDescriptor UnsubscribeTicker$descriptor() {
        return UnsubscribeTicker$DESC;
    }

    /** Downcall method handle for {@code UnsubscribeTicker}. */
    public MethodHandle UnsubscribeTicker$handle() {
        return UnsubscribeTicker$MH;
    }

    /** Address of {@code UnsubscribeTicker} in the loaded library. */
    public MemorySegment UnsubscribeTicker$address() {
        return UnsubscribeTicker$ADDR;
    }

    /**
     * Stops real-time trades of a ticker.
     * {@snippet lang=c :
     * NResult UnsubscribeTicker(const PDLL_WCHAR *pwcTicker,
     *     const PDLL_WCHAR *pwcBolsa);
     * }
     */
    public int UnsubscribeTicker(MemorySegment pwcTicker, MemorySegment pwcBolsa) {
        var mh$ = UnsubscribeTicker$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("UnsubscribeTicker", pwcTicker, pwcBolsa);
            }
            return (int)mh$.invokeExact(pwcTicker, pwcBolsa);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult GetHistoryTrades(const PDLL_WCHAR *pwcTicker,
     *     const PDLL_WCHAR *pwcBolsa,
     *     const PDLL_WCHAR *dtDateStart,
     *     const PDLL_WCHAR *dtDateEnd);
     * }
     */
    public static FunctionDescriptor GetHistoryTrades$descriptor() {
        return GetHistoryTrades$DESC;
    }

    /** Downcall method handle for {@code GetHistoryTrades}. */
    public MethodHandle GetHistoryTrades$handle() {
        return GetHistoryTrades$MH;
    }

    /** Address of {@code GetHistoryTrades} in the loaded library. */
    public MemorySegment GetHistoryTrades$address() {
        return GetHistoryTrades$ADDR;
    }

    /**
     * Requests the trades between two dates {@code "DD/MM/YYYY HH:mm:SS"}; answered on the history-trade callback.
     * {@snippet lang=c :
     * NResult GetHistoryTrades(const PDLL_WCHAR *pwcTicker,
     *     const PDLL_WCHAR *pwcBolsa,
     *     const PDLL_WCHAR *dtDateStart,
     *     const PDLL_WCHAR *dtDateEnd);
     * }
     */
    public int GetHistoryTrades(MemorySegment pwcTicker, MemorySegment pwcBolsa, MemorySegment dtDateStart, MemorySegment dtDateEnd) {
        var mh$ = GetHistoryTrades$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("GetHistoryTrades", pwcTicker, pwcBolsa, dtDateStart, dtDateEnd);
            }
            return (int)mh$.invokeExact(pwcTicker, pwcBolsa, dtDateStart, dtDateEnd);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult TranslateTrade(const void *a_pTrade,
     *     TConnectorTrade *a_Trade);
     * }
     */
    public static FunctionDescriptor TranslateTrade$descriptor() {
        return TranslateTrade$DESC;
    }

    /** Downcall method handle for {@code TranslateTrade}. */
    public MethodHandle TranslateTrade$handle() {
        return TranslateTrade$MH;
    }

    /** Address of {@code TranslateTrade} in the loaded library. */
    public MemorySegment TranslateTrade$address() {
        return TranslateTrade$ADDR;
    }

    /**
     * Accessor: decodes the opaque trade pointer of a {@link TConnectorTradeCallback} into {@code a_Trade} (caller
     * sets {@code Version = 0}). Call only inside that callback, on the callback thread. Linked as a critical
     * function (no upcalls, no safepoint transition): both arguments must be native segments.
     * {@snippet lang=c :
     * NResult TranslateTrade(const void *a_pTrade,
     *     TConnectorTrade *a_Trade);
     * }
     */
    public int TranslateTrade(MemorySegment a_pTrade, MemorySegment a_Trade) {
        var mh$ = TranslateTrade$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("TranslateTrade", a_pTrade, a_Trade);
            }
            return (int)mh$.invokeExact(a_pTrade, a_Trade);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult SubscribePriceDepth(const TConnectorAssetIdentifier *a_pAssetID);
     * }
     */
    public static FunctionDescriptor SubscribePriceDepth$descriptor() {
        return SubscribePriceDepth$DESC;
    }

    /** Downcall method handle for {@code SubscribePriceDepth}. */
    public MethodHandle SubscribePriceDepth$handle() {
        return SubscribePriceDepth$MH;
    }

    /** Address of {@code SubscribePriceDepth} in the loaded library. */
    public MemorySegment SubscribePriceDepth$address() {
        return SubscribePriceDepth$ADDR;
    }

    /**
     * Subscribes the price-level book of an asset; changes arrive on {@link TConnectorPriceDepthCallback}.
     * {@snippet lang=c :
     * NResult SubscribePriceDepth(const TConnectorAssetIdentifier *a_pAssetID);
     * }
     */
    public int SubscribePriceDepth(MemorySegment a_pAssetID) {
        var mh$ = SubscribePriceDepth$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("SubscribePriceDepth", a_pAssetID);
            }
            return (int)mh$.invokeExact(a_pAssetID);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult UnsubscribePriceDepth(const TConnectorAssetIdentifier *a_pAssetID);
     * }
     */
    public static FunctionDescriptor UnsubscribePriceDepth$descriptor() {
        return UnsubscribePriceDepth$DESC;
    }

    /** Downcall method handle for {@code UnsubscribePriceDepth}. */
    public MethodHandle UnsubscribePriceDepth$handle() {
        return UnsubscribePriceDepth$MH;
    }

    /** Address of {@code UnsubscribePriceDepth} in the loaded library. */
    public MemorySegment UnsubscribePriceDepth$address() {
        return UnsubscribePriceDepth$ADDR;
    }

    /**
     * Stops the price-level book of an asset.
     * {@snippet lang=c :
     * NResult UnsubscribePriceDepth(const TConnectorAssetIdentifier *a_pAssetID);
     * }
     */
    public int UnsubscribePriceDepth(MemorySegment a_pAssetID) {
        var mh$ = UnsubscribePriceDepth$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("UnsubscribePriceDepth", a_pAssetID);
            }
            return (int)mh$.invokeExact(a_pAssetID);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult GetPriceDepthSideCount(const TConnectorAssetIdentifier *a_pAssetID,
     *     uint8_t a_nSide);
     * }
     */
    public static FunctionDescriptor GetPriceDepthSideCount$descriptor() {
        return GetPriceDepthSideCount$DESC;
    }

    /** Downcall method handle for {@code GetPriceDepthSideCount}. */
    public MethodHandle GetPriceDepthSideCount$handle() {
        return GetPriceDepthSideCount$MH;
    }

    /** Address of {@code GetPriceDepthSideCount} in the loaded library. */
    public MemorySegment GetPriceDepthSideCount$address() {
        return GetPriceDepthSideCount$ADDR;
    }

    /**
     * Accessor: the number of price levels on one side ({@code BS_BUY} / {@code BS_SELL}) or a negative NResult.
     * {@snippet lang=c :
     * NResult GetPriceDepthSideCount(const TConnectorAssetIdentifier *a_pAssetID,
     *     uint8_t a_nSide);
     * }
     */
    public int GetPriceDepthSideCount(MemorySegment a_pAssetID, byte a_nSide) {
        var mh$ = GetPriceDepthSideCount$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("GetPriceDepthSideCount", a_pAssetID, a_nSide);
            }
            return (int)mh$.invokeExact(a_pAssetID, a_nSide);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult GetPriceGroup(const TConnectorAssetIdentifier *a_pAssetID,
     *     uint8_t a_nSide,
     *     int32_t a_nPosition,
     *     TConnectorPriceGroup *a_pPrice);
     * }
     */
    public static FunctionDescriptor GetPriceGroup$descriptor() {
        return GetPriceGroup$DESC;
    }

    /** Downcall method handle for {@code GetPriceGroup}. */
    public MethodHandle GetPriceGroup$handle() {
        return GetPriceGroup$MH;
    }

    /** Address of {@code GetPriceGroup} in the loaded library. */
    public MemorySegment GetPriceGroup$address() {
        return GetPriceGroup$ADDR;
    }

    /**
     * Accessor: the price level at {@code a_nPosition} (0 = top) of one side into {@code a_pPrice} (caller sets
     * {@code Version = 0}). Call inside {@link TConnectorPriceDepthCallback}. Linked as a critical function:
     * arguments must be native segments.
     * {@snippet lang=c :
     * NResult GetPriceGroup(const TConnectorAssetIdentifier *a_pAssetID,
     *     uint8_t a_nSide,
     *     int32_t a_nPosition,
     *     TConnectorPriceGroup *a_pPrice);
     * }
     */
    public int GetPriceGroup(MemorySegment a_pAssetID, byte a_nSide, int a_nPosition, MemorySegment a_pPrice) {
        var mh$ = GetPriceGroup$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("GetPriceGroup", a_pAssetID, a_nSide, a_nPosition, a_pPrice);
            }
            return (int)mh$.invokeExact(a_pAssetID, a_nSide, a_nPosition, a_pPrice);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult SetTradeCallbackV2(TConnectorTradeCallback a_Callback);
     * }
     */
    public static FunctionDescriptor SetTradeCallbackV2$descriptor() {
        return SetTradeCallbackV2$DESC;
    }

    /** Downcall method handle for {@code SetTradeCallbackV2}. */
    public MethodHandle SetTradeCallbackV2$handle() {
        return SetTradeCallbackV2$MH;
    }

    /** Address of {@code SetTradeCallbackV2} in the loaded library. */
    public MemorySegment SetTradeCallbackV2$address() {
        return SetTradeCallbackV2$ADDR;
    }

    /**
     * Registers the {@link TConnectorTradeCallback} callback ({@link MemorySegment#NULL} clears it); keep the upcall stub
     * alive while registered. Not from inside a callback.
     * {@snippet lang=c :
     * NResult SetTradeCallbackV2(TConnectorTradeCallback a_Callback);
     * }
     */
    public int SetTradeCallbackV2(MemorySegment a_Callback) {
        var mh$ = SetTradeCallbackV2$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("SetTradeCallbackV2", a_Callback);
            }
            return (int)mh$.invokeExact(a_Callback);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult SetHistoryTradeCallbackV2(TConnectorTradeCallback a_Callback);
     * }
     */
    public static FunctionDescriptor SetHistoryTradeCallbackV2$descriptor() {
        return SetHistoryTradeCallbackV2$DESC;
    }

    /** Downcall method handle for {@code SetHistoryTradeCallbackV2}. */
    public MethodHandle SetHistoryTradeCallbackV2$handle() {
        return SetHistoryTradeCallbackV2$MH;
    }

    /** Address of {@code SetHistoryTradeCallbackV2} in the loaded library. */
    public MemorySegment SetHistoryTradeCallbackV2$address() {
        return SetHistoryTradeCallbackV2$ADDR;
    }

    /**
     * Registers the {@link TConnectorTradeCallback} callback ({@link MemorySegment#NULL} clears it); keep the upcall stub
     * alive while registered. Not from inside a callback.
     * {@snippet lang=c :
     * NResult SetHistoryTradeCallbackV2(TConnectorTradeCallback a_Callback);
     * }
     */
    public int SetHistoryTradeCallbackV2(MemorySegment a_Callback) {
        var mh$ = SetHistoryTradeCallbackV2$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("SetHistoryTradeCallbackV2", a_Callback);
            }
            return (int)mh$.invokeExact(a_Callback);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult SetSerieProgressCallback(TProgressCallback a_Callback);
     * }
     */
    public static FunctionDescriptor SetSerieProgressCallback$descriptor() {
        return SetSerieProgressCallback$DESC;
    }

    /** Downcall method handle for {@code SetSerieProgressCallback}. */
    public MethodHandle SetSerieProgressCallback$handle() {
        return SetSerieProgressCallback$MH;
    }

    /** Address of {@code SetSerieProgressCallback} in the loaded library. */
    public MemorySegment SetSerieProgressCallback$address() {
        return SetSerieProgressCallback$ADDR;
    }

    /**
     * Registers the {@link TProgressCallback} callback ({@link MemorySegment#NULL} clears it); keep the upcall stub
     * alive while registered. Not from inside a callback.
     * {@snippet lang=c :
     * NResult SetSerieProgressCallback(TProgressCallback a_Callback);
     * }
     */
    public int SetSerieProgressCallback(MemorySegment a_Callback) {
        var mh$ = SetSerieProgressCallback$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("SetSerieProgressCallback", a_Callback);
            }
            return (int)mh$.invokeExact(a_Callback);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult SetPriceDepthCallback(TConnectorPriceDepthCallback a_Callback);
     * }
     */
    public static FunctionDescriptor SetPriceDepthCallback$descriptor() {
        return SetPriceDepthCallback$DESC;
    }

    /** Downcall method handle for {@code SetPriceDepthCallback}. */
    public MethodHandle SetPriceDepthCallback$handle() {
        return SetPriceDepthCallback$MH;
    }

    /** Address of {@code SetPriceDepthCallback} in the loaded library. */
    public MemorySegment SetPriceDepthCallback$address() {
        return SetPriceDepthCallback$ADDR;
    }

    /**
     * Registers the {@link TConnectorPriceDepthCallback} callback ({@link MemorySegment#NULL} clears it); keep the upcall stub
     * alive while registered. Not from inside a callback.
     * {@snippet lang=c :
     * NResult SetPriceDepthCallback(TConnectorPriceDepthCallback a_Callback);
     * }
     */
    public int SetPriceDepthCallback(MemorySegment a_Callback) {
        var mh$ = SetPriceDepthCallback$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("SetPriceDepthCallback", a_Callback);
            }
            return (int)mh$.invokeExact(a_Callback);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult SetInvalidTickerCallback(TInvalidTickerCallback a_Callback);
     * }
     */
    public static FunctionDescriptor SetInvalidTickerCallback$descriptor() {
        return SetInvalidTickerCallback$DESC;
    }

    /** Downcall method handle for {@code SetInvalidTickerCallback}. */
    public MethodHandle SetInvalidTickerCallback$handle() {
        return SetInvalidTickerCallback$MH;
    }

    /** Address of {@code SetInvalidTickerCallback} in the loaded library. */
    public MemorySegment SetInvalidTickerCallback$address() {
        return SetInvalidTickerCallback$ADDR;
    }

    /**
     * Registers the {@link TInvalidTickerCallback} callback ({@link MemorySegment#NULL} clears it); keep the upcall stub
     * alive while registered. Not from inside a callback.
     * {@snippet lang=c :
     * NResult SetInvalidTickerCallback(TInvalidTickerCallback a_Callback);
     * }
     */
    public int SetInvalidTickerCallback(MemorySegment a_Callback) {
        var mh$ = SetInvalidTickerCallback$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("SetInvalidTickerCallback", a_Callback);
            }
            return (int)mh$.invokeExact(a_Callback);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult SetChangeStateTickerCallback(TChangeStateTicker a_Callback);
     * }
     */
    public static FunctionDescriptor SetChangeStateTickerCallback$descriptor() {
        return SetChangeStateTickerCallback$DESC;
    }

    /** Downcall method handle for {@code SetChangeStateTickerCallback}. */
    public MethodHandle SetChangeStateTickerCallback$handle() {
        return SetChangeStateTickerCallback$MH;
    }

    /** Address of {@code SetChangeStateTickerCallback} in the loaded library. */
    public MemorySegment SetChangeStateTickerCallback$address() {
        return SetChangeStateTickerCallback$ADDR;
    }

    /**
     * Registers the {@link TChangeStateTicker} callback ({@link MemorySegment#NULL} clears it); keep the upcall stub
     * alive while registered. Not from inside a callback.
     * {@snippet lang=c :
     * NResult SetChangeStateTickerCallback(TChangeStateTicker a_Callback);
     * }
     */
    public int SetChangeStateTickerCallback(MemorySegment a_Callback) {
        var mh$ = SetChangeStateTickerCallback$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("SetChangeStateTickerCallback", a_Callback);
            }
            return (int)mh$.invokeExact(a_Callback);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult SetOrderCallback(TConnectorOrderCallback a_Callback);
     * }
     */
    public static FunctionDescriptor SetOrderCallback$descriptor() {
        return SetOrderCallback$DESC;
    }

    /** Downcall method handle for {@code SetOrderCallback}. */
    public MethodHandle SetOrderCallback$handle() {
        return SetOrderCallback$MH;
    }

    /** Address of {@code SetOrderCallback} in the loaded library. */
    public MemorySegment SetOrderCallback$address() {
        return SetOrderCallback$ADDR;
    }

    /**
     * Registers the {@link TConnectorOrderCallback} callback ({@link MemorySegment#NULL} clears it); keep the upcall stub
     * alive while registered. Not from inside a callback.
     * {@snippet lang=c :
     * NResult SetOrderCallback(TConnectorOrderCallback a_Callback);
     * }
     */
    public int SetOrderCallback(MemorySegment a_Callback) {
        var mh$ = SetOrderCallback$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("SetOrderCallback", a_Callback);
            }
            return (int)mh$.invokeExact(a_Callback);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult SetOrderHistoryCallback(TConnectorAccountCallback a_Callback);
     * }
     */
    public static FunctionDescriptor SetOrderHistoryCallback$descriptor() {
        return SetOrderHistoryCallback$DESC;
    }

    /** Downcall method handle for {@code SetOrderHistoryCallback}. */
    public MethodHandle SetOrderHistoryCallback$handle() {
        return SetOrderHistoryCallback$MH;
    }

    /** Address of {@code SetOrderHistoryCallback} in the loaded library. */
    public MemorySegment SetOrderHistoryCallback$address() {
        return SetOrderHistoryCallback$ADDR;
    }

    /**
     * Registers the {@link TConnectorAccountCallback} callback ({@link MemorySegment#NULL} clears it); keep the upcall stub
     * alive while registered. Not from inside a callback.
     * {@snippet lang=c :
     * NResult SetOrderHistoryCallback(TConnectorAccountCallback a_Callback);
     * }
     */
    public int SetOrderHistoryCallback(MemorySegment a_Callback) {
        var mh$ = SetOrderHistoryCallback$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("SetOrderHistoryCallback", a_Callback);
            }
            return (int)mh$.invokeExact(a_Callback);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult SetTradingMessageResultCallback(TConnectorTradingMessageResultCallback a_Callback);
     * }
     */
    public static FunctionDescriptor SetTradingMessageResultCallback$descriptor() {
        return SetTradingMessageResultCallback$DESC;
    }

    /** Downcall method handle for {@code SetTradingMessageResultCallback}. */
    public MethodHandle SetTradingMessageResultCallback$handle() {
        return SetTradingMessageResultCallback$MH;
    }

    /** Address of {@code SetTradingMessageResultCallback} in the loaded library. */
    public MemorySegment SetTradingMessageResultCallback$address() {
        return SetTradingMessageResultCallback$ADDR;
    }

    /**
     * Registers the {@link TConnectorTradingMessageResultCallback} callback ({@link MemorySegment#NULL} clears it); keep the upcall stub
     * alive while registered. Not from inside a callback.
     * {@snippet lang=c :
     * NResult SetTradingMessageResultCallback(TConnectorTradingMessageResultCallback a_Callback);
     * }
     */
    public int SetTradingMessageResultCallback(MemorySegment a_Callback) {
        var mh$ = SetTradingMessageResultCallback$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("SetTradingMessageResultCallback", a_Callback);
            }
            return (int)mh$.invokeExact(a_Callback);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult SetAssetPositionListCallback(TConnectorAssetPositionListCallback a_Callback);
     * }
     */
    public static FunctionDescriptor SetAssetPositionListCallback$descriptor() {
        return SetAssetPositionListCallback$DESC;
    }

    /** Downcall method handle for {@code SetAssetPositionListCallback}. */
    public MethodHandle SetAssetPositionListCallback$handle() {
        return SetAssetPositionListCallback$MH;
    }

    /** Address of {@code SetAssetPositionListCallback} in the loaded library. */
    public MemorySegment SetAssetPositionListCallback$address() {
        return SetAssetPositionListCallback$ADDR;
    }

    /**
     * Registers the position-changed callback ({@link TConnectorAssetPositionListCallback}, 4.0.0.28).
     * {@snippet lang=c :
     * NResult SetAssetPositionListCallback(TConnectorAssetPositionListCallback a_Callback);
     * }
     */
    public int SetAssetPositionListCallback(MemorySegment a_Callback) {
        var mh$ = SetAssetPositionListCallback$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("SetAssetPositionListCallback", a_Callback);
            }
            return (int)mh$.invokeExact(a_Callback);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult SetBrokerAccountListChangedCallback(TConnectorBrokerAccountListCallback a_Callback);
     * }
     */
    public static FunctionDescriptor SetBrokerAccountListChangedCallback$descriptor() {
        return SetBrokerAccountListChangedCallback$DESC;
    }

    /** Downcall method handle for {@code SetBrokerAccountListChangedCallback}. */
    public MethodHandle SetBrokerAccountListChangedCallback$handle() {
        return SetBrokerAccountListChangedCallback$MH;
    }

    /** Address of {@code SetBrokerAccountListChangedCallback} in the loaded library. */
    public MemorySegment SetBrokerAccountListChangedCallback$address() {
        return SetBrokerAccountListChangedCallback$ADDR;
    }

    /**
     * Registers the account-list-changed callback ({@link TConnectorBrokerAccountListCallback}, 4.0.0.28).
     * {@snippet lang=c :
     * NResult SetBrokerAccountListChangedCallback(TConnectorBrokerAccountListCallback a_Callback);
     * }
     */
    public int SetBrokerAccountListChangedCallback(MemorySegment a_Callback) {
        var mh$ = SetBrokerAccountListChangedCallback$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("SetBrokerAccountListChangedCallback", a_Callback);
            }
            return (int)mh$.invokeExact(a_Callback);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult SetBrokerSubAccountListChangedCallback(TConnectorBrokerSubAccountListCallback a_Callback);
     * }
     */
    public static FunctionDescriptor SetBrokerSubAccountListChangedCallback$descriptor() {
        return SetBrokerSubAccountListChangedCallback$DESC;
    }

    /** Downcall method handle for {@code SetBrokerSubAccountListChangedCallback}. */
    public MethodHandle SetBrokerSubAccountListChangedCallback$handle() {
        return SetBrokerSubAccountListChangedCallback$MH;
    }

    /** Address of {@code SetBrokerSubAccountListChangedCallback} in the loaded library. */
    public MemorySegment SetBrokerSubAccountListChangedCallback$address() {
        return SetBrokerSubAccountListChangedCallback$ADDR;
    }

    /**
     * Registers the sub-account-list-changed callback ({@link TConnectorBrokerSubAccountListCallback}, 4.0.0.28).
     * {@snippet lang=c :
     * NResult SetBrokerSubAccountListChangedCallback(TConnectorBrokerSubAccountListCallback a_Callback);
     * }
     */
    public int SetBrokerSubAccountListChangedCallback(MemorySegment a_Callback) {
        var mh$ = SetBrokerSubAccountListChangedCallback$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("SetBrokerSubAccountListChangedCallback", a_Callback);
            }
            return (int)mh$.invokeExact(a_Callback);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int64_t SendOrder(const TConnectorSendOrder *a_SendOrder);
     * }
     */
    public static FunctionDescriptor SendOrder$descriptor() {
        return SendOrder$DESC;
    }

    /** Downcall method handle for {@code SendOrder}. */
    public MethodHandle SendOrder$handle() {
        return SendOrder$MH;
    }

    /** Address of {@code SendOrder} in the loaded library. */
    public MemorySegment SendOrder$address() {
        return SendOrder$ADDR;
    }

    /**
     * Sends an order; returns the local order id ({@code > 0}) or a negative NResult.
     * {@snippet lang=c :
     * int64_t SendOrder(const TConnectorSendOrder *a_SendOrder);
     * }
     */
    public long SendOrder(MemorySegment a_SendOrder) {
        var mh$ = SendOrder$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("SendOrder", a_SendOrder);
            }
            return (long)mh$.invokeExact(a_SendOrder);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult SendChangeOrderV2(const TConnectorChangeOrder *a_ChangeOrder);
     * }
     */
    public static FunctionDescriptor SendChangeOrderV2$descriptor() {
        return SendChangeOrderV2$DESC;
    }

    /** Downcall method handle for {@code SendChangeOrderV2}. */
    public MethodHandle SendChangeOrderV2$handle() {
        return SendChangeOrderV2$MH;
    }

    /** Address of {@code SendChangeOrderV2} in the loaded library. */
    public MemorySegment SendChangeOrderV2$address() {
        return SendChangeOrderV2$ADDR;
    }

    /**
     * Changes an open order.
     * {@snippet lang=c :
     * NResult SendChangeOrderV2(const TConnectorChangeOrder *a_ChangeOrder);
     * }
     */
    public int SendChangeOrderV2(MemorySegment a_ChangeOrder) {
        var mh$ = SendChangeOrderV2$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("SendChangeOrderV2", a_ChangeOrder);
            }
            return (int)mh$.invokeExact(a_ChangeOrder);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult SendCancelOrderV2(const TConnectorCancelOrder *a_CancelOrder);
     * }
     */
    public static FunctionDescriptor SendCancelOrderV2$descriptor() {
        return SendCancelOrderV2$DESC;
    }

    /** Downcall method handle for {@code SendCancelOrderV2}. */
    public MethodHandle SendCancelOrderV2$handle() {
        return SendCancelOrderV2$MH;
    }

    /** Address of {@code SendCancelOrderV2} in the loaded library. */
    public MemorySegment SendCancelOrderV2$address() {
        return SendCancelOrderV2$ADDR;
    }

    /**
     * Cancels an open order.
     * {@snippet lang=c :
     * NResult SendCancelOrderV2(const TConnectorCancelOrder *a_CancelOrder);
     * }
     */
    public int SendCancelOrderV2(MemorySegment a_CancelOrder) {
        var mh$ = SendCancelOrderV2$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("SendCancelOrderV2", a_CancelOrder);
            }
            return (int)mh$.invokeExact(a_CancelOrder);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult SendCancelOrdersV2(const TConnectorCancelOrders *a_CancelOrders);
     * }
     */
    public static FunctionDescriptor SendCancelOrdersV2$descriptor() {
        return SendCancelOrdersV2$DESC;
    }

    /** Downcall method handle for {@code SendCancelOrdersV2}. */
    public MethodHandle SendCancelOrdersV2$handle() {
        return SendCancelOrdersV2$MH;
    }

    /** Address of {@code SendCancelOrdersV2} in the loaded library. */
    public MemorySegment SendCancelOrdersV2$address() {
        return SendCancelOrdersV2$ADDR;
    }

    /**
     * Cancels every open order of the account in one asset.
     * {@snippet lang=c :
     * NResult SendCancelOrdersV2(const TConnectorCancelOrders *a_CancelOrders);
     * }
     */
    public int SendCancelOrdersV2(MemorySegment a_CancelOrders) {
        var mh$ = SendCancelOrdersV2$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("SendCancelOrdersV2", a_CancelOrders);
            }
            return (int)mh$.invokeExact(a_CancelOrders);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult SendCancelAllOrdersV2(const TConnectorCancelAllOrders *a_CancelOrder);
     * }
     */
    public static FunctionDescriptor SendCancelAllOrdersV2$descriptor() {
        return SendCancelAllOrdersV2$DESC;
    }

    /** Downcall method handle for {@code SendCancelAllOrdersV2}. */
    public MethodHandle SendCancelAllOrdersV2$handle() {
        return SendCancelAllOrdersV2$MH;
    }

    /** Address of {@code SendCancelAllOrdersV2} in the loaded library. */
    public MemorySegment SendCancelAllOrdersV2$address() {
        return SendCancelAllOrdersV2$ADDR;
    }

    /**
     * Cancels every open order of an account.
     * {@snippet lang=c :
     * NResult SendCancelAllOrdersV2(const TConnectorCancelAllOrders *a_CancelOrder);
     * }
     */
    public int SendCancelAllOrdersV2(MemorySegment a_CancelOrder) {
        var mh$ = SendCancelAllOrdersV2$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("SendCancelAllOrdersV2", a_CancelOrder);
            }
            return (int)mh$.invokeExact(a_CancelOrder);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int64_t SendZeroPositionV2(const TConnectorZeroPosition *a_ZeroPosition);
     * }
     */
    public static FunctionDescriptor SendZeroPositionV2$descriptor() {
        return SendZeroPositionV2$DESC;
    }

    /** Downcall method handle for {@code SendZeroPositionV2}. */
    public MethodHandle SendZeroPositionV2$handle() {
        return SendZeroPositionV2$MH;
    }

    /** Address of {@code SendZeroPositionV2} in the loaded library. */
    public MemorySegment SendZeroPositionV2$address() {
        return SendZeroPositionV2$ADDR;
    }

    /**
     * Closes the position in one asset; returns the local id of the zeroing order ({@code > 0}) or a negative NResult.
     * {@snippet lang=c :
     * int64_t SendZeroPositionV2(const TConnectorZeroPosition *a_ZeroPosition);
     * }
     */
    public long SendZeroPositionV2(MemorySegment a_ZeroPosition) {
        var mh$ = SendZeroPositionV2$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("SendZeroPositionV2", a_ZeroPosition);
            }
            return (long)mh$.invokeExact(a_ZeroPosition);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult GetAccountCount(void);
     * }
     */
    public static FunctionDescriptor GetAccountCount$descriptor() {
        return GetAccountCount$DESC;
    }

    /** Downcall method handle for {@code GetAccountCount}. */
    public MethodHandle GetAccountCount$handle() {
        return GetAccountCount$MH;
    }

    /** Address of {@code GetAccountCount} in the loaded library. */
    public MemorySegment GetAccountCount$address() {
        return GetAccountCount$ADDR;
    }

    /**
     * The number of loaded accounts (no sub-accounts), or a negative NResult.
     * {@snippet lang=c :
     * NResult GetAccountCount(void);
     * }
     */
    public int GetAccountCount() {
        var mh$ = GetAccountCount$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("GetAccountCount");
            }
            return (int)mh$.invokeExact();
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult GetAccounts(int32_t a_nStartSource,
     *     int32_t a_nStartDest,
     *     int32_t a_nCount,
     *     TConnectorAccountIdentifierOut *a_arAccounts);
     * }
     */
    public static FunctionDescriptor GetAccounts$descriptor() {
        return GetAccounts$DESC;
    }

    /** Downcall method handle for {@code GetAccounts}. */
    public MethodHandle GetAccounts$handle() {
        return GetAccounts$MH;
    }

    /** Address of {@code GetAccounts} in the loaded library. */
    public MemorySegment GetAccounts$address() {
        return GetAccounts$ADDR;
    }

    /**
     * Copies up to {@code a_nCount} accounts into the array {@code a_arAccounts}; returns the number copied.
     * {@snippet lang=c :
     * NResult GetAccounts(int32_t a_nStartSource,
     *     int32_t a_nStartDest,
     *     int32_t a_nCount,
     *     TConnectorAccountIdentifierOut *a_arAccounts);
     * }
     */
    public int GetAccounts(int a_nStartSource, int a_nStartDest, int a_nCount, MemorySegment a_arAccounts) {
        var mh$ = GetAccounts$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("GetAccounts", a_nStartSource, a_nStartDest, a_nCount, a_arAccounts);
            }
            return (int)mh$.invokeExact(a_nStartSource, a_nStartDest, a_nCount, a_arAccounts);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult GetAccountDetails(TConnectorTradingAccountOut *a_Account);
     * }
     */
    public static FunctionDescriptor GetAccountDetails$descriptor() {
        return GetAccountDetails$DESC;
    }

    /** Downcall method handle for {@code GetAccountDetails}. */
    public MethodHandle GetAccountDetails$handle() {
        return GetAccountDetails$MH;
    }

    /** Address of {@code GetAccountDetails} in the loaded library. */
    public MemorySegment GetAccountDetails$address() {
        return GetAccountDetails$ADDR;
    }

    /**
     * Fills an account's details (two-pass strings).
     * {@snippet lang=c :
     * NResult GetAccountDetails(TConnectorTradingAccountOut *a_Account);
     * }
     */
    public int GetAccountDetails(MemorySegment a_Account) {
        var mh$ = GetAccountDetails$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("GetAccountDetails", a_Account);
            }
            return (int)mh$.invokeExact(a_Account);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult GetAccountCountByBroker(int32_t a_nBrokerID);
     * }
     */
    public static FunctionDescriptor GetAccountCountByBroker$descriptor() {
        return GetAccountCountByBroker$DESC;
    }

    /** Downcall method handle for {@code GetAccountCountByBroker}. */
    public MethodHandle GetAccountCountByBroker$handle() {
        return GetAccountCountByBroker$MH;
    }

    /** Address of {@code GetAccountCountByBroker} in the loaded library. */
    public MemorySegment GetAccountCountByBroker$address() {
        return GetAccountCountByBroker$ADDR;
    }

    /**
     * Number of loaded accounts of one broker, excluding sub-accounts (4.0.0.28).
     * {@snippet lang=c :
     * NResult GetAccountCountByBroker(int32_t a_nBrokerID);
     * }
     */
    public int GetAccountCountByBroker(int a_nBrokerID) {
        var mh$ = GetAccountCountByBroker$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("GetAccountCountByBroker", a_nBrokerID);
            }
            return (int)mh$.invokeExact(a_nBrokerID);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult GetAccountsByBroker(int32_t a_nBrokerID,
     *     int32_t a_nStartSource,
     *     int32_t a_nStartDest,
     *     int32_t a_nCount,
     *     TConnectorAccountIdentifierOut *a_arAccounts);
     * }
     */
    public static FunctionDescriptor GetAccountsByBroker$descriptor() {
        return GetAccountsByBroker$DESC;
    }

    /** Downcall method handle for {@code GetAccountsByBroker}. */
    public MethodHandle GetAccountsByBroker$handle() {
        return GetAccountsByBroker$MH;
    }

    /** Address of {@code GetAccountsByBroker} in the loaded library. */
    public MemorySegment GetAccountsByBroker$address() {
        return GetAccountsByBroker$ADDR;
    }

    /**
     * Copies up to {@code a_nCount} accounts of one broker into {@code a_arAccounts}; returns the number copied (4.0.0.28).
     * {@snippet lang=c :
     * NResult GetAccountsByBroker(int32_t a_nBrokerID,
     *     int32_t a_nStartSource,
     *     int32_t a_nStartDest,
     *     int32_t a_nCount,
     *     TConnectorAccountIdentifierOut *a_arAccounts);
     * }
     */
    public int GetAccountsByBroker(int a_nBrokerID, int a_nStartSource, int a_nStartDest, int a_nCount, MemorySegment a_arAccounts) {
        var mh$ = GetAccountsByBroker$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("GetAccountsByBroker", a_nBrokerID, a_nStartSource, a_nStartDest, a_nCount, a_arAccounts);
            }
            return (int)mh$.invokeExact(a_nBrokerID, a_nStartSource, a_nStartDest, a_nCount, a_arAccounts);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult GetSubAccountCount(const TConnectorAccountIdentifier *a_MasterAccountID);
     * }
     */
    public static FunctionDescriptor GetSubAccountCount$descriptor() {
        return GetSubAccountCount$DESC;
    }

    /** Downcall method handle for {@code GetSubAccountCount}. */
    public MethodHandle GetSubAccountCount$handle() {
        return GetSubAccountCount$MH;
    }

    /** Address of {@code GetSubAccountCount} in the loaded library. */
    public MemorySegment GetSubAccountCount$address() {
        return GetSubAccountCount$ADDR;
    }

    /**
     * Number of sub-accounts of a master account.
     * {@snippet lang=c :
     * NResult GetSubAccountCount(const TConnectorAccountIdentifier *a_MasterAccountID);
     * }
     */
    public int GetSubAccountCount(MemorySegment a_MasterAccountID) {
        var mh$ = GetSubAccountCount$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("GetSubAccountCount", a_MasterAccountID);
            }
            return (int)mh$.invokeExact(a_MasterAccountID);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult GetSubAccounts(const TConnectorAccountIdentifier *a_MasterAccountID,
     *     int32_t a_nStartSource,
     *     int32_t a_nStartDest,
     *     int32_t a_nCount,
     *     TConnectorAccountIdentifierOut *a_arAccounts);
     * }
     */
    public static FunctionDescriptor GetSubAccounts$descriptor() {
        return GetSubAccounts$DESC;
    }

    /** Downcall method handle for {@code GetSubAccounts}. */
    public MethodHandle GetSubAccounts$handle() {
        return GetSubAccounts$MH;
    }

    /** Address of {@code GetSubAccounts} in the loaded library. */
    public MemorySegment GetSubAccounts$address() {
        return GetSubAccounts$ADDR;
    }

    /**
     * Copies up to {@code a_nCount} sub-accounts of a master account into {@code a_arAccounts}; returns the number copied.
     * {@snippet lang=c :
     * NResult GetSubAccounts(const TConnectorAccountIdentifier *a_MasterAccountID,
     *     int32_t a_nStartSource,
     *     int32_t a_nStartDest,
     *     int32_t a_nCount,
     *     TConnectorAccountIdentifierOut *a_arAccounts);
     * }
     */
    public int GetSubAccounts(MemorySegment a_MasterAccountID, int a_nStartSource, int a_nStartDest, int a_nCount, MemorySegment a_arAccounts) {
        var mh$ = GetSubAccounts$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("GetSubAccounts", a_MasterAccountID, a_nStartSource, a_nStartDest, a_nCount, a_arAccounts);
            }
            return (int)mh$.invokeExact(a_MasterAccountID, a_nStartSource, a_nStartDest, a_nCount, a_arAccounts);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult GetPositionV2(TConnectorTradingAccountPosition *a_Position);
     * }
     */
    public static FunctionDescriptor GetPositionV2$descriptor() {
        return GetPositionV2$DESC;
    }

    /** Downcall method handle for {@code GetPositionV2}. */
    public MethodHandle GetPositionV2$handle() {
        return GetPositionV2$MH;
    }

    /** Address of {@code GetPositionV2} in the loaded library. */
    public MemorySegment GetPositionV2$address() {
        return GetPositionV2$ADDR;
    }

    /**
     * Fills the position of an account in an asset.
     * {@snippet lang=c :
     * NResult GetPositionV2(TConnectorTradingAccountPosition *a_Position);
     * }
     */
    public int GetPositionV2(MemorySegment a_Position) {
        var mh$ = GetPositionV2$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("GetPositionV2", a_Position);
            }
            return (int)mh$.invokeExact(a_Position);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult EnumerateAllPositionAssets(const TConnectorAccountIdentifier *a_AccountID,
     *     uint8_t a_AssetVersion,
     *     PDLL_LPARAM a_Param,
     *     TConnectorEnumerateAssetProc a_Callback);
     * }
     */
    public static FunctionDescriptor EnumerateAllPositionAssets$descriptor() {
        return EnumerateAllPositionAssets$DESC;
    }

    /** Downcall method handle for {@code EnumerateAllPositionAssets}. */
    public MethodHandle EnumerateAllPositionAssets$handle() {
        return EnumerateAllPositionAssets$MH;
    }

    /** Address of {@code EnumerateAllPositionAssets} in the loaded library. */
    public MemorySegment EnumerateAllPositionAssets$address() {
        return EnumerateAllPositionAssets$ADDR;
    }

    /**
     * Synchronously calls {@code a_Callback} on the calling thread for every asset the account has a position in,
     * passing {@code a_Param} through; {@code NL_OK} when done (4.0.0.28).
     * {@snippet lang=c :
     * NResult EnumerateAllPositionAssets(const TConnectorAccountIdentifier *a_AccountID,
     *     uint8_t a_AssetVersion,
     *     PDLL_LPARAM a_Param,
     *     TConnectorEnumerateAssetProc a_Callback);
     * }
     */
    public int EnumerateAllPositionAssets(MemorySegment a_AccountID, byte a_AssetVersion, long a_Param, MemorySegment a_Callback) {
        var mh$ = EnumerateAllPositionAssets$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("EnumerateAllPositionAssets", a_AccountID, a_AssetVersion, a_Param, a_Callback);
            }
            return (int)mh$.invokeExact(a_AccountID, a_AssetVersion, a_Param, a_Callback);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult GetOrderDetails(TConnectorOrderOut *a_Order);
     * }
     */
    public static FunctionDescriptor GetOrderDetails$descriptor() {
        return GetOrderDetails$DESC;
    }

    /** Downcall method handle for {@code GetOrderDetails}. */
    public MethodHandle GetOrderDetails$handle() {
        return GetOrderDetails$MH;
    }

    /** Address of {@code GetOrderDetails} in the loaded library. */
    public MemorySegment GetOrderDetails$address() {
        return GetOrderDetails$ADDR;
    }

    /**
     * Accessor: fills an order identified by {@code OrderID} (two-pass strings); may be called inside
     * {@link TConnectorOrderCallback}.
     * {@snippet lang=c :
     * NResult GetOrderDetails(TConnectorOrderOut *a_Order);
     * }
     */
    public int GetOrderDetails(MemorySegment a_Order) {
        var mh$ = GetOrderDetails$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("GetOrderDetails", a_Order);
            }
            return (int)mh$.invokeExact(a_Order);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult HasOrdersInInterval(const TConnectorAccountIdentifier *a_AccountID,
     *     PDLL_RECORD_ARG(TSystemTime) a_dtStart,
     *     PDLL_RECORD_ARG(TSystemTime) a_dtEnd);
     * }
     */
    public static FunctionDescriptor HasOrdersInInterval$descriptor() {
        return HasOrdersInInterval$DESC;
    }

    /** Downcall method handle for {@code HasOrdersInInterval}. */
    public MethodHandle HasOrdersInInterval$handle() {
        return HasOrdersInInterval$MH;
    }

    /** Address of {@code HasOrdersInInterval} in the loaded library. */
    public MemorySegment HasOrdersInInterval$address() {
        return HasOrdersInInterval$ADDR;
    }

    /**
     * {@code NL_OK} if the order history for those dates is loaded, else requests it and returns
     * {@code NL_WAITING_SERVER}; {@code a_dtStart} / {@code a_dtEnd} point to {@link TSystemTime} records.
     * {@snippet lang=c :
     * NResult HasOrdersInInterval(const TConnectorAccountIdentifier *a_AccountID,
     *     PDLL_RECORD_ARG(TSystemTime) a_dtStart,
     *     PDLL_RECORD_ARG(TSystemTime) a_dtEnd);
     * }
     */
    public int HasOrdersInInterval(MemorySegment a_AccountID, MemorySegment a_dtStart, MemorySegment a_dtEnd) {
        var mh$ = HasOrdersInInterval$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("HasOrdersInInterval", a_AccountID, a_dtStart, a_dtEnd);
            }
            return (int)mh$.invokeExact(a_AccountID, a_dtStart, a_dtEnd);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult EnumerateAllOrders(const TConnectorAccountIdentifier *a_AccountID,
     *     uint8_t a_OrderVersion,
     *     PDLL_LPARAM a_Param,
     *     TConnectorEnumerateOrdersProc a_Callback);
     * }
     */
    public static FunctionDescriptor EnumerateAllOrders$descriptor() {
        return EnumerateAllOrders$DESC;
    }

    /** Downcall method handle for {@code EnumerateAllOrders}. */
    public MethodHandle EnumerateAllOrders$handle() {
        return EnumerateAllOrders$MH;
    }

    /** Address of {@code EnumerateAllOrders} in the loaded library. */
    public MemorySegment EnumerateAllOrders$address() {
        return EnumerateAllOrders$ADDR;
    }

    /**
     * Synchronously calls {@code a_Callback} for every loaded order, passing {@code a_Param} through.
     * {@snippet lang=c :
     * NResult EnumerateAllOrders(const TConnectorAccountIdentifier *a_AccountID,
     *     uint8_t a_OrderVersion,
     *     PDLL_LPARAM a_Param,
     *     TConnectorEnumerateOrdersProc a_Callback);
     * }
     */
    public int EnumerateAllOrders(MemorySegment a_AccountID, byte a_OrderVersion, long a_Param, MemorySegment a_Callback) {
        var mh$ = EnumerateAllOrders$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("EnumerateAllOrders", a_AccountID, a_OrderVersion, a_Param, a_Callback);
            }
            return (int)mh$.invokeExact(a_AccountID, a_OrderVersion, a_Param, a_Callback);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * NResult EnumerateOrdersByInterval(const TConnectorAccountIdentifier *a_AccountID,
     *     uint8_t a_OrderVersion,
     *     PDLL_RECORD_ARG(TSystemTime) a_dtStart,
     *     PDLL_RECORD_ARG(TSystemTime) a_dtEnd,
     *     PDLL_LPARAM a_Param,
     *     TConnectorEnumerateOrdersProc a_Callback);
     * }
     */
    public static FunctionDescriptor EnumerateOrdersByInterval$descriptor() {
        return EnumerateOrdersByInterval$DESC;
    }

    /** Downcall method handle for {@code EnumerateOrdersByInterval}. */
    public MethodHandle EnumerateOrdersByInterval$handle() {
        return EnumerateOrdersByInterval$MH;
    }

    /** Address of {@code EnumerateOrdersByInterval} in the loaded library. */
    public MemorySegment EnumerateOrdersByInterval$address() {
        return EnumerateOrdersByInterval$ADDR;
    }

    /**
     * Synchronously calls {@code a_Callback} for every loaded order created in [{@code a_dtStart}, {@code a_dtEnd}]
     * ({@link TSystemTime} records, times respected); {@code NL_WAITING_SERVER} while that history is not loaded.
     * {@snippet lang=c :
     * NResult EnumerateOrdersByInterval(const TConnectorAccountIdentifier *a_AccountID,
     *     uint8_t a_OrderVersion,
     *     PDLL_RECORD_ARG(TSystemTime) a_dtStart,
     *     PDLL_RECORD_ARG(TSystemTime) a_dtEnd,
     *     PDLL_LPARAM a_Param,
     *     TConnectorEnumerateOrdersProc a_Callback);
     * }
     */
    public int EnumerateOrdersByInterval(MemorySegment a_AccountID, byte a_OrderVersion, MemorySegment a_dtStart, MemorySegment a_dtEnd, long a_Param, MemorySegment a_Callback) {
        var mh$ = EnumerateOrdersByInterval$MH;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("EnumerateOrdersByInterval", a_AccountID, a_OrderVersion, a_dtStart, a_dtEnd, a_Param, a_Callback);
            }
            return (int)mh$.invokeExact(a_AccountID, a_OrderVersion, a_dtStart, a_dtEnd, a_Param, a_Callback);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    /**
     * The simulator-only exports of {@code native/sim/profitdll_sim.h}: configuration of the ProfitDLL simulator
     * (options in {@code native/sim/README.md}). Strings are UTF-8, NUL-terminated. Call from any thread, never from
     * a callback.
     */
    public static final class Simulator {

        private static final FunctionDescriptor SimSetOption$DESC =
                FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_POINTER, ProfitDLL.C_POINTER);
        private static final FunctionDescriptor SimResetOptions$DESC = FunctionDescriptor.of(ProfitDLL.C_INT);
        private static final FunctionDescriptor SimLastError$DESC = FunctionDescriptor.of(ProfitDLL.C_POINTER);
        private static final FunctionDescriptor SimStartReplay$DESC = FunctionDescriptor.of(ProfitDLL.C_INT);
        private static final FunctionDescriptor SimAdvanceReplay$DESC = FunctionDescriptor.of(ProfitDLL.C_INT, ProfitDLL.C_LONG_LONG);

        private final MethodHandle SimSetOption$MH;
        private final MethodHandle SimResetOptions$MH;
        private final MethodHandle SimLastError$MH;
        private final MethodHandle SimStartReplay$MH;
        private final MethodHandle SimAdvanceReplay$MH;

        private Simulator(Path library, SymbolLookup lookup) {
            SimSetOption$MH = LINKER.downcallHandle(findOrThrow(lookup, library, "SimSetOption"), SimSetOption$DESC);
            SimResetOptions$MH = LINKER.downcallHandle(findOrThrow(lookup, library, "SimResetOptions"), SimResetOptions$DESC);
            SimLastError$MH = LINKER.downcallHandle(findOrThrow(lookup, library, "SimLastError"), SimLastError$DESC);
            SimStartReplay$MH = LINKER.downcallHandle(findOrThrow(lookup, library, "SimStartReplay"), SimStartReplay$DESC);
            SimAdvanceReplay$MH = LINKER.downcallHandle(findOrThrow(lookup, library, "SimAdvanceReplay"), SimAdvanceReplay$DESC);
        }

        public static FunctionDescriptor SimSetOption$descriptor() { return SimSetOption$DESC; }
        public static FunctionDescriptor SimResetOptions$descriptor() { return SimResetOptions$DESC; }
        public static FunctionDescriptor SimLastError$descriptor() { return SimLastError$DESC; }
        public static FunctionDescriptor SimStartReplay$descriptor() { return SimStartReplay$DESC; }
        public static FunctionDescriptor SimAdvanceReplay$descriptor() { return SimAdvanceReplay$DESC; }

        /**
         * Sets one option; {@code NL_OK}, or {@code NL_INVALID_ARGS} with {@link #SimLastError()} saying why.
         * {@snippet lang=c :
         * NResult SimSetOption(const char *key, const char *value)
         * }
         */
        public int SimSetOption(MemorySegment key, MemorySegment value) {
            var mh$ = SimSetOption$MH;
            try {
                if (TRACE_DOWNCALLS) {
                    traceDowncall("SimSetOption", key, value);
                }
                return (int)mh$.invokeExact(key, value);
            } catch (Throwable ex$) {
               throw new AssertionError("should not reach here", ex$);
            }
        }

        /**
         * Restores every option to its default and unloads replay files; only while not initialized.
         * {@snippet lang=c :
         * NResult SimResetOptions(void)
         * }
         */
        public int SimResetOptions() {
            var mh$ = SimResetOptions$MH;
            try {
                if (TRACE_DOWNCALLS) {
                    traceDowncall("SimResetOptions");
                }
                return (int)mh$.invokeExact();
            } catch (Throwable ex$) {
               throw new AssertionError("should not reach here", ex$);
            }
        }

        /**
         * The last error message of {@code SimSetOption} / {@code DLLInitialize*} (UTF-8, static storage; read it
         * with {@code getString(0)}).
         * {@snippet lang=c :
         * const char *SimLastError(void)
         * }
         */
        public MemorySegment SimLastError() {
            var mh$ = SimLastError$MH;
            try {
                if (TRACE_DOWNCALLS) {
                    traceDowncall("SimLastError");
                }
                return (MemorySegment)mh$.invokeExact();
            } catch (Throwable ex$) {
               throw new AssertionError("should not reach here", ex$);
            }
        }

        /**
         * With {@code replay.start=manual}: starts the tape now; {@code NL_NOT_INITIALIZED} before initialization.
         * {@snippet lang=c :
         * NResult SimStartReplay(void)
         * }
         */
        public int SimStartReplay() {
            var mh$ = SimStartReplay$MH;
            try {
                if (TRACE_DOWNCALLS) {
                    traceDowncall("SimStartReplay");
                }
                return (int)mh$.invokeExact();
            } catch (Throwable ex$) {
               throw new AssertionError("should not reach here", ex$);
            }
        }

        /**
         * {@code replay.speed=max} only: runs the tape up to and including every event with {@code ts_nanos <=} the
         * argument (UTC epoch ns), starting it if needed, then pauses it there; returns when those events and their
         * callbacks have run (deterministic tests). {@code NL_INVALID_ARGS} at another speed.
         * {@snippet lang=c :
         * NResult SimAdvanceReplay(int64_t ts_nanos)
         * }
         */
        public int SimAdvanceReplay(long ts_nanos) {
            var mh$ = SimAdvanceReplay$MH;
            try {
                if (TRACE_DOWNCALLS) {
                    traceDowncall("SimAdvanceReplay", ts_nanos);
                }
                return (int)mh$.invokeExact(ts_nanos);
            } catch (Throwable ex$) {
               throw new AssertionError("should not reach here", ex$);
            }
        }
    }
}
