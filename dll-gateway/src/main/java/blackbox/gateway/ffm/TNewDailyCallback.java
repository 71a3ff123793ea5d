// Generated shape: jextract 22+ output for dll-gateway/native/profitdll.h (see
// dll-gateway/native/jextract/). Do not edit by hand; regenerate.

package blackbox.gateway.ffm;

import java.lang.invoke.*;
import java.lang.foreign.*;

/**
 * Legacy aggregated daily quote: OHLC and limits in the asset price unit, volumes in BRL, counts as integers.
 * <p>
 * Called by the DLL on its single callback thread ("ConnectorThread"). An implementation must copy what it needs,
 * hand off and return quickly, must not throw (an exception escaping an upcall terminates the JVM) and may call
 * only the accessor functions ({@code TranslateTrade}, {@code GetPriceGroup}, {@code GetOrderDetails},
 * {@code GetPriceDepthSideCount}, {@code EnumerateAllOrders}) back into the DLL. Pointer arguments (records,
 * UTF-16 strings) are valid only during the call. The upcall stub must stay alive (its {@link Arena} open) for as
 * long as the DLL may call it.
 * {@snippet lang=c :
 * typedef void (*TNewDailyCallback)( PDLL_RECORD_ARG(TAssetIDRec) rAssetID,
 *     const PDLL_WCHAR *pwcDate,
 *     double dOpen,
 *     double dHigh,
 *     double dLow,
 *     double dClose,
 *     double dVol,
 *     double dAjuste,
 *     double dMaxLimit,
 *     double dMinLimit,
 *     double dVolBuyer,
 *     double dVolSeller,
 *     int32_t nQtd,
 *     int32_t nNegocios,
 *     int32_t nContratosOpen,
 *     int32_t nQtdBuyer,
 *     int32_t nQtdSeller,
 *     int32_t nNegBuyer,
 *     int32_t nNegSeller);
 * }
 */
@SuppressWarnings("restricted")
public class TNewDailyCallback {

    TNewDailyCallback() {
        // Should not be called directly
    }

    /**
     * The function pointer signature, expressed as a functional interface
     */
    public interface Function {
        void apply(MemorySegment rAssetID, MemorySegment pwcDate, double dOpen, double dHigh, double dLow, double dClose, double dVol, double dAjuste, double dMaxLimit, double dMinLimit, double dVolBuyer, double dVolSeller, int nQtd, int nNegocios, int nContratosOpen, int nQtdBuyer, int nQtdSeller, int nNegBuyer, int nNegSeller);
    }

    private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(
        ProfitDLL.C_POINTER,
        ProfitDLL.C_POINTER,
        ProfitDLL.C_DOUBLE,
        ProfitDLL.C_DOUBLE,
        ProfitDLL.C_DOUBLE,
        ProfitDLL.C_DOUBLE,
        ProfitDLL.C_DOUBLE,
        ProfitDLL.C_DOUBLE,
        ProfitDLL.C_DOUBLE,
        ProfitDLL.C_DOUBLE,
        ProfitDLL.C_DOUBLE,
        ProfitDLL.C_DOUBLE,
        ProfitDLL.C_INT,
        ProfitDLL.C_INT,
        ProfitDLL.C_INT,
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

    private static final MethodHandle UP$MH = ProfitDLL.upcallHandle(TNewDailyCallback.Function.class, "apply", $DESC);

    /**
     * Allocates a new upcall stub, whose implementation is defined by {@code fi}.
     * The lifetime of the returned segment is managed by {@code arena}
     */
    public static MemorySegment allocate(TNewDailyCallback.Function fi, Arena arena) {
        return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
    }

    private static final MethodHandle DOWN$MH = Linker.nativeLinker().downcallHandle($DESC);

    /**
     * Invoke the upcall stub {@code funcPtr}, with given parameters
     */
    public static void invoke(MemorySegment funcPtr, MemorySegment rAssetID, MemorySegment pwcDate, double dOpen, double dHigh, double dLow, double dClose, double dVol, double dAjuste, double dMaxLimit, double dMinLimit, double dVolBuyer, double dVolSeller, int nQtd, int nNegocios, int nContratosOpen, int nQtdBuyer, int nQtdSeller, int nNegBuyer, int nNegSeller) {
        try {
            DOWN$MH.invokeExact(funcPtr, rAssetID, pwcDate, dOpen, dHigh, dLow, dClose, dVol, dAjuste, dMaxLimit, dMinLimit, dVolBuyer, dVolSeller, nQtd, nNegocios, nContratosOpen, nQtdBuyer, nQtdSeller, nNegBuyer, nNegSeller);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }
}
