// Package rand: pseudo-random numbers from the simulation's seeded source.
package rand

func Int() int
func Intn(n int) int
func Int31() int32
func Int31n(n int32) int32
func Int63() int64
func Int63n(n int64) int64
func Float64() float64
func Float32() float32

// Seed is a no-op: the simulation's seed decides all randomness.
func Seed(seed int64) {}

// Perm returns, as a slice of n ints, a pseudo-random permutation of [0,n).
func Perm(n int) []int {
	m := make([]int, n)
	for i := 0; i < n; i++ {
		j := Intn(i + 1)
		m[i] = m[j]
		m[j] = i
	}
	return m
}

// Shuffle pseudo-randomizes the order of elements using swap.
func Shuffle(n int, swap func(i, j int)) {
	if n < 0 {
		panic("invalid argument to Shuffle")
	}
	for i := n - 1; i > 0; i-- {
		j := int(Int63n(int64(i + 1)))
		swap(i, j)
	}
}

// A Source represents a source of pseudo-random int64 values.
type Source interface {
	Int63() int64
	Seed(seed int64)
}

type simSource struct{}

func (simSource) Int63() int64    { return Int63() }
func (simSource) Seed(seed int64) {}

// NewSource returns a Source backed by the simulation's seeded generator.
func NewSource(seed int64) Source {
	return simSource{}
}

// A Rand is a source of random numbers.
type Rand struct {
	src Source
}

// New returns a new Rand that uses random values from src.
func New(src Source) *Rand {
	return &Rand{src: src}
}

func (r *Rand) Int() int                    { return Int() }
func (r *Rand) Intn(n int) int              { return Intn(n) }
func (r *Rand) Int31() int32                { return Int31() }
func (r *Rand) Int31n(n int32) int32        { return Int31n(n) }
func (r *Rand) Int63() int64                { return r.src.Int63() }
func (r *Rand) Int63n(n int64) int64        { return Int63n(n) }
func (r *Rand) Float64() float64            { return Float64() }
func (r *Rand) Float32() float32            { return Float32() }
func (r *Rand) Perm(n int) []int            { return Perm(n) }
func (r *Rand) Shuffle(n int, swap func(i, j int)) { Shuffle(n, swap) }
func (r *Rand) Seed(seed int64)             {}
