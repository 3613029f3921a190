package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var ops atomic.Uint64
	var n int32
	var flag atomic.Bool
	var v atomic.Value
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			for c := 0; c < 1000; c++ {
				ops.Add(1)
				atomic.AddInt32(&n, 1)
			}
			wg.Done()
		}()
	}
	wg.Wait()
	flag.Store(true)
	v.Store("x")
	fmt.Println("ops:", ops.Load(), atomic.LoadInt32(&n), flag.Load(), v.Load())
	fmt.Println(atomic.CompareAndSwapInt32(&n, 50000, 0), atomic.SwapInt32(&n, 3))
}
