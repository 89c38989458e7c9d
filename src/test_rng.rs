//! A fixed pseudo-random sequence for the randomised tests (xorshift64):
//! no dependency, and a failing case fails the same way on every run.

/// xorshift64 state.
pub(crate) struct XorShift(u64);

impl XorShift {
    /// A sequence starting from `seed` (not zero).
    pub(crate) fn new(seed: u64) -> XorShift {
        XorShift(seed)
    }

    /// The next number of the sequence.
    pub(crate) fn next_u64(&mut self) -> u64 {
        let s = &mut self.0;
        *s ^= *s << 13;
        *s ^= *s >> 7;
        *s ^= *s << 17;
        *s
    }

    /// The next number below `n` (`n > 0`).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}
