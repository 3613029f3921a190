// Language: fmt uses a type's String method, and an Error method takes precedence.
package main

import "fmt"

type Color int

func (c Color) String() string {
	switch c {
	case 0:
		return "red"
	case 1:
		return "green"
	}
	return fmt.Sprintf("Color(%d)", int(c))
}

type Both struct{}

func (Both) String() string { return "as stringer" }
func (Both) Error() string  { return "as error" }

type PtrOnly struct{ v int }

func (p *PtrOnly) String() string { return fmt.Sprint("ptr ", p.v) }

func main() {
	fmt.Println(Color(0), Color(1), Color(9))
	fmt.Printf("%v %d %s\n", Color(1), Color(1), Color(0))
	fmt.Println([]Color{0, 1})
	fmt.Println(Both{})
	v := PtrOnly{3}
	fmt.Println(v, &v)
}

// Output:
// red green Color(9)
// green 1 red
// [red green]
// as error
// {3} ptr 3
