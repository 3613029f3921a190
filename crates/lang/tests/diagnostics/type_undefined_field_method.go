package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Inc() { c.mu.Lock(); c.n++; c.mu.Unlock() }

func main() {
	c := Counter{}
	c.inc()
	c.Count++
	c.mu.RLock()
	fmt.Println(c.N)
}
// Errors:
// main.go:17:4: c.inc undefined (type Counter has no field or method inc, but does have method Inc)
// main.go:18:4: c.Count undefined (type Counter has no field or method Count)
// main.go:19:7: c.mu.RLock undefined (type sync.Mutex has no field or method RLock)
// main.go:20:16: c.N undefined (type Counter has no field or method N, but does have field n)
