//! Vector clocks: sparse (sorted pairs) while small, dense (indexed by goroutine) when large.
//!
//! A goroutine's clock maps goroutine ids to the last event of theirs it
//! knows about. Clocks stay small because entries of *dead* goroutines —
//! finished, and no longer mentioned by any shadow cell — can never matter
//! again and are dropped whenever a clock is rebuilt by a join. That is what
//! lets 100,000 goroutines share a mutex without quadratic clocks. A sync
//! object that many live goroutines release into (a WaitGroup everybody
//! `Done`s) switches to a dense array so each release stays O(1).

/// Beyond this many entries a clock becomes dense.
const DENSE_AT: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VClock {
    /// (goroutine, clock) sorted by goroutine.
    Sparse(Vec<(u32, u32)>),
    /// Clock by goroutine id.
    Dense(Vec<u32>),
}

impl VClock {
    /// Bytes its entries take (for snapshot budgets).
    pub fn approx_bytes(&self) -> u64 {
        match self {
            VClock::Sparse(v) => 8 * v.capacity() as u64,
            VClock::Dense(v) => 4 * v.capacity() as u64,
        }
    }
}

impl Default for VClock {
    fn default() -> Self {
        VClock::Sparse(Vec::new())
    }
}

impl VClock {
    pub fn get(&self, g: u32) -> u32 {
        match self {
            VClock::Sparse(v) => match v.binary_search_by_key(&g, |e| e.0) {
                Ok(i) => v[i].1,
                Err(_) => 0,
            },
            VClock::Dense(d) => d.get(g as usize).copied().unwrap_or(0),
        }
    }

    /// Raises the entry of `g` to at least `c`.
    pub fn raise(&mut self, g: u32, c: u32) {
        match self {
            VClock::Sparse(v) => match v.binary_search_by_key(&g, |e| e.0) {
                Ok(i) => v[i].1 = v[i].1.max(c),
                Err(i) => {
                    v.insert(i, (g, c));
                    if v.len() > DENSE_AT {
                        self.densify();
                    }
                }
            },
            VClock::Dense(d) => {
                if d.len() <= g as usize {
                    d.resize(g as usize + 1, 0);
                }
                d[g as usize] = d[g as usize].max(c);
            }
        }
    }

    fn densify(&mut self) {
        if let VClock::Sparse(v) = self {
            let max = v.last().map_or(0, |e| e.0 as usize);
            let mut d = vec![0; max + 1];
            for &(g, c) in v.iter() {
                d[g as usize] = c;
            }
            *self = VClock::Dense(d);
        }
    }

    /// Live entries, in goroutine order.
    pub fn entries(&self) -> Vec<(u32, u32)> {
        match self {
            VClock::Sparse(v) => v.clone(),
            VClock::Dense(d) => d
                .iter()
                .enumerate()
                .filter(|e| *e.1 > 0)
                .map(|(g, &c)| (g as u32, c))
                .collect(),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            VClock::Sparse(v) => v.len(),
            VClock::Dense(d) => d.iter().filter(|&&c| c > 0).count(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Pointwise maximum with `other`, dropping entries for which `dead`
    /// says the goroutine can no longer matter.
    pub fn join(&mut self, other: &VClock, dead: &impl Fn(u32) -> bool) {
        match (&mut *self, other) {
            (VClock::Sparse(a), VClock::Sparse(b)) => {
                let mut out = Vec::with_capacity(a.len() + b.len());
                let (mut i, mut j) = (0, 0);
                while i < a.len() || j < b.len() {
                    let e = if j >= b.len() || (i < a.len() && a[i].0 < b[j].0) {
                        i += 1;
                        a[i - 1]
                    } else if i >= a.len() || b[j].0 < a[i].0 {
                        j += 1;
                        b[j - 1]
                    } else {
                        i += 1;
                        j += 1;
                        (a[i - 1].0, a[i - 1].1.max(b[j - 1].1))
                    };
                    if !dead(e.0) {
                        out.push(e);
                    }
                }
                *a = out;
                if a.len() > DENSE_AT {
                    self.densify();
                }
            }
            (VClock::Dense(_), VClock::Sparse(b)) => {
                for &(g, c) in b {
                    if !dead(g) {
                        self.raise(g, c);
                    }
                }
            }
            (_, VClock::Dense(b)) => {
                // Element-wise, in one pass: many goroutines acquiring a
                // clock that many others released into (a contended mutex)
                // makes this the race detector's hottest loop.
                self.densify();
                if let VClock::Dense(a) = self {
                    if a.len() < b.len() {
                        a.resize(b.len(), 0);
                    }
                    for (g, (x, &y)) in a.iter_mut().zip(b).enumerate() {
                        if y > *x && !dead(g as u32) {
                            *x = y;
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vc(e: &[(u32, u32)]) -> VClock {
        VClock::Sparse(e.to_vec())
    }

    #[test]
    fn join_is_pointwise_max_and_drops_dead() {
        let mut a = vc(&[(1, 3), (4, 1)]);
        a.join(&vc(&[(1, 2), (2, 5), (4, 7)]), &|_| false);
        assert_eq!(a.entries(), vec![(1, 3), (2, 5), (4, 7)]);
        a.join(&vc(&[]), &|g| g == 2);
        assert_eq!(a.entries(), vec![(1, 3), (4, 7)]);
    }

    #[test]
    fn large_clocks_go_dense_and_keep_values() {
        let mut a = VClock::default();
        for g in 0..200 {
            a.raise(g, g + 1);
        }
        assert!(matches!(a, VClock::Dense(_)));
        assert_eq!(a.get(150), 151);
        assert_eq!(a.get(999), 0);
        let mut s = vc(&[(3, 100)]);
        s.join(&a, &|g| g % 2 == 1);
        assert_eq!(s.get(3), 100);
        assert_eq!(s.get(4), 5);
        assert_eq!(s.get(5), 0, "dead entries are not copied");
    }
}
