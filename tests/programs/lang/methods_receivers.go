// Language: value receivers get a copy; pointer receivers modify the original. Go takes the
// address automatically for addressable values.
package main

import "fmt"

type Counter struct{ n int }

func (c Counter) IncValue()    { c.n++ }
func (c *Counter) IncPointer() { c.n++ }
func (c Counter) Get() int     { return c.n }

func main() {
	var c Counter
	c.IncValue()
	fmt.Println("after IncValue:", c.Get())
	c.IncPointer()
	fmt.Println("after IncPointer:", c.Get())
	p := &c
	p.IncValue()
	p.IncPointer()
	fmt.Println("through pointer:", p.Get(), c.n)
	cs := []Counter{{1}, {2}}
	for _, x := range cs {
		x.IncPointer()
	}
	fmt.Println("range copies:", cs)
	for i := range cs {
		cs[i].IncPointer()
	}
	fmt.Println("by index:", cs)
}

// Output:
// after IncValue: 0
// after IncPointer: 1
// through pointer: 2 2
// range copies: [{1} {2}]
// by index: [{2} {3}]
