// Race: two goroutines write the same map without a lock. The second writer starts after
// a sleep, so the writes never overlap in time (no "concurrent map writes" crash), but
// nothing orders them, and the race detector reports them.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	m := make(map[string]int)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		m["a"] = 1
	}()
	time.Sleep(20 * time.Millisecond)
	wg.Add(1)
	go func() {
		defer wg.Done()
		m["b"] = 2
	}()
	wg.Wait()
	fmt.Println(len(m))
}

// Run: race=on
// Exit: 66
// Race: 18 24
// Output:
// 2
