import Synchronization

/// Generates request ids: 16 hex digits, unique within the process and, being seeded at random,
/// practically unique across the processes sharing a database.
///
/// SplitMix64 over a counter is a bijection of the counter, so ids never repeat within a process,
/// and it costs no system call per request (unlike asking the system for random bytes each time).
final class RequestIDGenerator: Sendable {
    private let seed: UInt64
    /// Atomic rather than isolated to the loop: the request-id hook cannot prove it runs there,
    /// and reaching loop-isolated state from it cost a thread check and a runtime exclusivity
    /// check per id.
    private let counter = Atomic<UInt64>(0)

    init(seed: UInt64 = .random(in: .min ... .max)) {
        self.seed = seed
    }

    func next() -> String {
        var z = seed &+ counter.wrappingAdd(1, ordering: .relaxed).newValue &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        // Sixteen hex digits written in place: one allocation, where formatting and padding
        // made three.
        return String(unsafeUninitializedCapacity: 16) { buffer in
            for index in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: z >> UInt64(60 - 4 * index)) & 0xF
                buffer[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            }
            return 16
        }
    }
}
