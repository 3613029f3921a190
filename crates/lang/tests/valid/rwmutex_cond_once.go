package main

import (
	"fmt"
	"sync"
)

type Cache struct {
	sync.RWMutex
	data map[string]string
}

func (c *Cache) Get(k string) (string, bool) {
	c.RLock()
	defer c.RUnlock()
	v, ok := c.data[k]
	return v, ok
}

func main() {
	var once sync.Once
	c := &Cache{data: map[string]string{}}
	once.Do(func() { c.data["a"] = "b" })
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	go func() {
		mu.Lock()
		ready = true
		cond.Broadcast()
		mu.Unlock()
	}()
	mu.Lock()
	for !ready {
		cond.Wait()
	}
	mu.Unlock()
	v, ok := c.Get("a")
	fmt.Println(v, ok)
	var l sync.Locker = &mu
	l.Lock()
	l.Unlock()
	if mu.TryLock() {
		mu.Unlock()
	}
}
