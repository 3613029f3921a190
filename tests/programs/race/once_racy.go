// Race: hand-rolled lazy initialization without sync.Once: the check and the write race.
// The second goroutine starts after a sleep (which orders nothing), so it always finds the
// map already set: its check and its read race with the first goroutine's write.
package main

import (
	"fmt"
	"sync"
	"time"
)

var config map[string]string

func get() string {
	if config == nil {
		config = map[string]string{"mode": "fast"}
	}
	return config["mode"]
}

func main() {
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			get()
		}()
		time.Sleep(20 * time.Millisecond)
	}
	wg.Wait()
	fmt.Println("done")
}

// Run: race=on
// Exit: 66
// Race: 15 16
// Race: 16 18
// Output:
// done
