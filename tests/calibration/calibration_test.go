// Package calibration measures, on real Go, the cost of the operations the simulator charges
// time for. The numbers feed docs/calibration.md; run with
// `go test -bench . -benchtime=200ms -count=5` from this directory.
package calibration

import (
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

var sink int64

// Goroutine creation and exit, many in flight: go + WaitGroup, waited for at the end.
func BenchmarkGoroutineCreateExit(b *testing.B) {
	var wg sync.WaitGroup
	for i := 0; i < b.N; i++ {
		wg.Add(1)
		go func() { wg.Done() }()
	}
	wg.Wait()
}

// Goroutine creation and exit, one at a time: go, then wait for it to finish.
func BenchmarkGoroutineSpawnWait(b *testing.B) {
	done := make(chan struct{})
	for i := 0; i < b.N; i++ {
		go func() { done <- struct{}{} }()
		<-done
	}
}

// Unbuffered channel round trip: main sends, a partner receives and sends back.
func BenchmarkChanUnbufferedRoundTrip(b *testing.B) {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v
		}
	}()
	for i := 0; i < b.N; i++ {
		ping <- i
		<-pong
	}
	close(ping)
}

// Unbuffered channel, one direction: a producer hands b.N values to the consumer.
func BenchmarkChanUnbufferedHandoff(b *testing.B) {
	c := make(chan int)
	go func() {
		for i := 0; i < b.N; i++ {
			c <- i
		}
	}()
	for i := 0; i < b.N; i++ {
		<-c
	}
}

// Buffered channel send followed by receive in the same goroutine (never blocks).
func BenchmarkChanBufferedSendRecv(b *testing.B) {
	c := make(chan int, 1)
	for i := 0; i < b.N; i++ {
		c <- i
		<-c
	}
}

// Select with two ready receive cases, plus the buffered send that re-arms the chosen one.
func BenchmarkSelectTwoReady(b *testing.B) {
	x, y := make(chan int, 1), make(chan int, 1)
	x <- 1
	y <- 1
	for i := 0; i < b.N; i++ {
		select {
		case v := <-x:
			x <- v
		case v := <-y:
			y <- v
		}
	}
}

func BenchmarkMutexUncontended(b *testing.B) {
	var mu sync.Mutex
	for i := 0; i < b.N; i++ {
		mu.Lock()
		sink++
		mu.Unlock()
	}
}

// Contended mutex: g goroutines share b.N Lock/Unlock pairs; ns/op is per pair.
func benchMutexContended(b *testing.B, g int) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	per := b.N / g
	for w := 0; w < g; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < per; i++ {
				mu.Lock()
				sink++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
}

func BenchmarkMutexContended2(b *testing.B) { benchMutexContended(b, 2) }
func BenchmarkMutexContended4(b *testing.B) { benchMutexContended(b, 4) }

func BenchmarkRWMutexRLockRUnlock(b *testing.B) {
	var mu sync.RWMutex
	for i := 0; i < b.N; i++ {
		mu.RLock()
		mu.RUnlock()
	}
}

func BenchmarkWaitGroupAddDone(b *testing.B) {
	var wg sync.WaitGroup
	for i := 0; i < b.N; i++ {
		wg.Add(1)
		wg.Done()
	}
}

func BenchmarkAtomicAddUncontended(b *testing.B) {
	var n int64
	for i := 0; i < b.N; i++ {
		atomic.AddInt64(&n, 1)
	}
	sink = n
}

func benchAtomicContended(b *testing.B, g int) {
	var n int64
	var wg sync.WaitGroup
	per := b.N / g
	for w := 0; w < g; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < per; i++ {
				atomic.AddInt64(&n, 1)
			}
		}()
	}
	wg.Wait()
	sink = n
}

func BenchmarkAtomicAddContended2(b *testing.B) { benchAtomicContended(b, 2) }
func BenchmarkAtomicAddContended4(b *testing.B) { benchAtomicContended(b, 4) }

// Gosched context switch: two goroutines on one P yield to each other; ns/op is per Gosched.
func BenchmarkGoschedSwitchProcs1(b *testing.B) {
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	var wg sync.WaitGroup
	per := b.N / 2
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < per; i++ {
				runtime.Gosched()
			}
		}()
	}
	wg.Wait()
}

func BenchmarkSleep0(b *testing.B) {
	for i := 0; i < b.N; i++ {
		time.Sleep(0)
	}
}

// The shortest real sleep: the timer, park, wake-up and the OS timer granularity.
func BenchmarkSleep1us(b *testing.B) {
	for i := 0; i < b.N; i++ {
		time.Sleep(time.Microsecond)
	}
}

func BenchmarkSleep1ms(b *testing.B) {
	for i := 0; i < b.N; i++ {
		time.Sleep(time.Millisecond)
	}
}

// A raw system call that does not go through the scheduler (syscall.RawSyscall).
func BenchmarkSyscallGetpid(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink += int64(os.Getpid())
	}
}

// A blocking-capable system call through os.File (entersyscall/exitsyscall): read 1 byte.
func BenchmarkSyscallRead1DevZero(b *testing.B) {
	f, err := os.Open("/dev/zero")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := f.Read(buf); err != nil {
			b.Fatal(err)
		}
	}
}

// The plain loop body `s += i % 7`: ns/op is per iteration.
func BenchmarkLoopMod7(b *testing.B) {
	s := 0
	for i := 0; i < b.N; i++ {
		s += i % 7
	}
	sink = int64(s)
}
