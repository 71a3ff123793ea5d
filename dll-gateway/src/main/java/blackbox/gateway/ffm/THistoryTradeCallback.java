// Generated shape: jextract 22+ output for dll-gateway/native/profitdll.h (see
// dll-gateway/native/jextract/). Do not edit by hand; regenerate.

package blackbox.gateway.ffm;

import java.lang.invoke.*;
import java.lang.foreign.*;

/**
 * Legacy history trade (answers {@code GetHistoryTrades}); as {@link TNewTradeCallback} without {@code bEdit}.
 * <p>
 * Called by the DLL on its single callback thread ("ConnectorThread"). An implementation must copy what it needs,
 * hand off and return quickly, must not throw (an exception escaping an upcall terminates the JVM) and may call
 * only the accessor functions ({@code TranslateTrade}, {@code GetPriceGroup}, {@code GetOrderDetails},
 * {@code GetPriceDepthSideCount}, {@code EnumerateAllOrders}) back into the DLL. Pointer arguments (records,
 * UTF-16 strings) are valid only during the call. The upcall stub must stay alive (its {@link Arena} open) for as
 * long as the DLL may call it.
 * {@snippet lang=c :
 * typedef void (*THistoryTradeCallback)( PDLL_RECORD_ARG(TAssetIDRec) rAssetID,
 *     const PDLL_WCHAR *pwcDate,
 *     uint32_t nTradeNumber,
 *     double dPrice,
 *     double dVol,
 *     int32_t nQtd,
 *     int32_t nBuyAgent,
 *     int32_t nSellAgent,
 *     int32_t nTradeType);
 * }
 */
@SuppressWarnings("restricted")
public class THistoryTradeCallback {

    THistoryTradeCallback() {
        // Should not be called directly
    }

    /**
     * The function pointer signature, expressed as a functional interface
     */
    public interface Function {
        void apply(MemorySegment rAssetID, MemorySegment pwcDate, int nTradeNumber, double dPrice, double dVol, int nQtd, int nBuyAgent, int nSellAgent, int nTradeType);
    }

    private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(
        ProfitDLL.C_POINTER,
        ProfitDLL.C_POINTER,
        ProfitDLL.C_INT,
        ProfitDLL.C_DOUBLE,
        ProfitDLL.C_DOUBLE,
        ProfitDLL.C_INT,
        ProfitDLL.C_INT,
        ProfitDLL.C_INT,
        ProfitDLL.C_INT
    );

    /**
     * The descriptor of this function pointer
     */
    public static FunctionDescriptor descriptor() {
        return $DESC;
    }

    private static final MethodHandle UP$MH = ProfitDLL.upcallHandle(THistoryTradeCallback.Function.class, "apply", $DESC);

    /**
     * Allocates a new upcall stub, whose implementation is defined by {@code fi}.
     * The lifetime of the returned segment is managed by {@code arena}
     */
    public static MemorySegment allocate(THistoryTradeCallback.Function fi, Arena arena) {
        return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
    }

    private static final MethodHandle DOWN$MH = Linker.nativeLinker().downcallHandle($DESC);

    /**
     * Invoke the upcall stub {@code funcPtr}, with given parameters
     */
    public static void invoke(MemorySegment funcPtr, MemorySegment rAssetID, MemorySegment pwcDate, int nTradeNumber, double dPrice, double dVol, int nQtd, int nBuyAgent, int nSellAgent, int nTradeType) {
        try {
            DOWN$MH.invokeExact(funcPtr, rAssetID, pwcDate, nTradeNumber, dPrice, dVol, nQtd, nBuyAgent, nSellAgent, nTradeType);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }
}
