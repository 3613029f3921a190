package main

import "sync"

var mu sync.Mutex

func main() {
	mu.Lock(1)
	x := mu.Unlock()
	_ = x
	mu.unlock()
}
// Errors:
// main.go:8:10: too many arguments in call to mu.Lock
// 	have (number)
// 	want ()
// main.go:9:7: mu.Unlock() (no value) used as value
// main.go:11:5: mu.unlock undefined (type sync.Mutex has no field or method unlock, but does have method Unlock)
