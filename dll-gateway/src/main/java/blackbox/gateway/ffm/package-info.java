/**
 * Java FFM (Panama) bindings of Nelogica's ProfitDLL, in the shape jextract 22+ generates from
 * {@code dll-gateway/native/profitdll.h} (plus the simulator's {@code native/sim/profitdll_sim.h}).
 * <p>
 * Generated-shape code: regenerable by {@code dll-gateway/native/jextract/regenerate.sh} from the symbol list
 * {@code dll-gateway/native/jextract/symbols.txt}; not to be edited by hand except by regeneration. Hand-written
 * wrappers (owning the {@link java.lang.foreign.Arena}, turning NResult codes into values) live outside this
 * package.
 * <ul>
 *   <li>{@link blackbox.gateway.ffm.ProfitDLL}: the functions, C layouts, typedefs and {@code #define} constants;</li>
 *   <li>one class per record ({@code TConnector*}, {@code TAssetIDRec}, {@code TSystemTime}, ...): layout and static
 *       field accessors on a {@link java.lang.foreign.MemorySegment};</li>
 *   <li>one class per callback typedef: a {@code Function} interface, its descriptor and upcall-stub factory.</li>
 * </ul>
 * One deliberate deviation from stock jextract: the library is chosen at run time, not at generation time.
 * {@link blackbox.gateway.ffm.ProfitDLL#load(java.nio.file.Path)} opens the simulator {@code .so} on Linux or
 * {@code ProfitDLL64.dll} on Windows and returns an instance whose methods are the C functions; the simulator-only
 * exports are exposed through {@link blackbox.gateway.ffm.ProfitDLL#simulator()} when present. Records the vendor
 * passes "by value" are pointers ({@code ADDRESS}) in every descriptor, which is the Win64 machine ABI and the
 * header's Linux spelling, so one binding serves both libraries.
 */
package blackbox.gateway.ffm;
