// Generated shape: jextract 22+ output for dll-gateway/native/profitdll.h (see
// dll-gateway/native/jextract/). Do not edit by hand; regenerate.

package blackbox.gateway.ffm;

import java.lang.invoke.*;
import java.lang.foreign.*;

/**
 * Legacy order-by-order book; the {@code bHas*} flags are nonzero when the matching argument is meaningful.
 * <p>
 * Called by the DLL on its single callback thread ("ConnectorThread"). An implementation must copy what it needs,
 * hand off and return quickly, must not throw (an exception escaping an upcall terminates the JVM) and may call
 * only the accessor functions ({@code TranslateTrade}, {@code GetPriceGroup}, {@code GetOrderDetails},
 * {@code GetPriceDepthSideCount}, {@code EnumerateAllOrders}) back into the DLL. Pointer arguments (records,
 * UTF-16 strings) are valid only during the call. The upcall stub must stay alive (its {@link Arena} open) for as
 * long as the DLL may call it.
 * {@snippet lang=c :
 * typedef void (*TOfferBookCallback)( PDLL_RECORD_ARG(TAssetIDRec) rAssetID,
 *     int32_t nAction,
 *     int32_t nPosition,
 *     int32_t nSide,
 *     int32_t nQtd,
 *     int32_t nAgent,
 *     int64_t nOfferID ,
 *     double dPrice,
 *     int32_t bHasPrice,
 *     int32_t bHasQtd,
 *     int32_t bHasDate,
 *     int32_t bHasOfferID,
 *     int32_t bHasAgent,
 *     const PDLL_WCHAR *pwcDate,
 *     void *pArraySell,
 *     void *pArrayBuy);
 * }
 */
@SuppressWarnings("restricted")
public class TOfferBookCallback {

    TOfferBookCallback() {
        // Should not be called directly
    }

    /**
     * The function pointer signature, expressed as a functional interface
     */
    public interface Function {
        void apply(MemorySegment rAssetID, int nAction, int nPosition, int nSide, int nQtd, int nAgent, long nOfferID, double dPrice, int bHasPrice, int bHasQtd, int bHasDate, int bHasOfferID, int bHasAgent, MemorySegment pwcDate, MemorySegment pArraySell, MemorySegment pArrayBuy);
    }

    private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(
        ProfitDLL.C_POINTER,
        ProfitDLL.C_INT,
        ProfitDLL.C_INT,
        ProfitDLL.C_INT,
        ProfitDLL.C_INT,
        ProfitDLL.C_INT,
        ProfitDLL.C_LONG_LONG,
        ProfitDLL.C_DOUBLE,
        ProfitDLL.C_INT,
        ProfitDLL.C_INT,
        ProfitDLL.C_INT,
        ProfitDLL.C_INT,
        ProfitDLL.C_INT,
        ProfitDLL.C_POINTER,
        ProfitDLL.C_POINTER,
        ProfitDLL.C_POINTER
    );

    /**
     * The descriptor of this function pointer
     */
    public static FunctionDescriptor descriptor() {
        return $DESC;
    }

    private static final MethodHandle UP$MH = ProfitDLL.upcallHandle(TOfferBookCallback.Function.class, "apply", $DESC);

    /**
     * Allocates a new upcall stub, whose implementation is defined by {@code fi}.
     * The lifetime of the returned segment is managed by {@code arena}
     */
    public static MemorySegment allocate(TOfferBookCallback.Function fi, Arena arena) {
        return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
    }

    private static final MethodHandle DOWN$MH = Linker.nativeLinker().downcallHandle($DESC);

    /**
     * Invoke the upcall stub {@code funcPtr}, with given parameters
     */
    public static void invoke(MemorySegment funcPtr, MemorySegment rAssetID, int nAction, int nPosition, int nSide, int nQtd, int nAgent, long nOfferID, double dPrice, int bHasPrice, int bHasQtd, int bHasDate, int bHasOfferID, int bHasAgent, MemorySegment pwcDate, MemorySegment pArraySell, MemorySegment pArrayBuy) {
        try {
            DOWN$MH.invokeExact(funcPtr, rAssetID, nAction, nPosition, nSide, nQtd, nAgent, nOfferID, dPrice, bHasPrice, bHasQtd, bHasDate, bHasOfferID, bHasAgent, pwcDate, pArraySell, pArrayBuy);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }
}
