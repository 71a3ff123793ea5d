// Generated shape: jextract 22+ output for dll-gateway/native/profitdll.h (see
// dll-gateway/native/jextract/). Do not edit by hand; regenerate.

package blackbox.gateway.ffm;

import java.lang.invoke.*;
import java.lang.foreign.*;

/**
 * Asset enumerator of {@code EnumerateAllPositionAssets}: return nonzero to continue, 0 to stop. Runs synchronously
 * on the thread that called the enumerating function; the asset record is valid only during the call.
 * <p>
 * Called by the DLL on its single callback thread ("ConnectorThread"). An implementation must copy what it needs,
 * hand off and return quickly, must not throw (an exception escaping an upcall terminates the JVM) and may call
 * only the accessor functions ({@code TranslateTrade}, {@code GetPriceGroup}, {@code GetOrderDetails},
 * {@code GetPriceDepthSideCount}, {@code EnumerateAllOrders}) back into the DLL. Pointer arguments (records,
 * UTF-16 strings) are valid only during the call. The upcall stub must stay alive (its {@link Arena} open) for as
 * long as the DLL may call it.
 * {@snippet lang=c :
 * typedef PDLL_BOOL (*TConnectorEnumerateAssetProc)(PDLL_RECORD_ARG(TConnectorAssetIdentifier) a_Asset,
 *     PDLL_LPARAM a_Param);
 * }
 */
@SuppressWarnings("restricted")
public class TConnectorEnumerateAssetProc {

    TConnectorEnumerateAssetProc() {
        // Should not be called directly
    }

    /**
     * The function pointer signature, expressed as a functional interface
     */
    public interface Function {
        int apply(MemorySegment a_Asset, long a_Param);
    }

    private static final FunctionDescriptor $DESC = FunctionDescriptor.of(
        ProfitDLL.C_INT,
        ProfitDLL.C_POINTER,
        ProfitDLL.C_LONG_LONG
    );

    /**
     * The descriptor of this function pointer
     */
    public static FunctionDescriptor descriptor() {
        return $DESC;
    }

    private static final MethodHandle UP$MH = ProfitDLL.upcallHandle(TConnectorEnumerateAssetProc.Function.class, "apply", $DESC);

    /**
     * Allocates a new upcall stub, whose implementation is defined by {@code fi}.
     * The lifetime of the returned segment is managed by {@code arena}
     */
    public static MemorySegment allocate(TConnectorEnumerateAssetProc.Function fi, Arena arena) {
        return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
    }

    private static final MethodHandle DOWN$MH = Linker.nativeLinker().downcallHandle($DESC);

    /**
     * Invoke the upcall stub {@code funcPtr}, with given parameters
     */
    public static int invoke(MemorySegment funcPtr, MemorySegment a_Asset, long a_Param) {
        try {
            return (int) DOWN$MH.invokeExact(funcPtr, a_Asset, a_Param);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }
}
