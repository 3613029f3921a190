// Language: embedded structs promote their fields and methods; an outer method or field
// with the same name shadows the promoted one.
package main

import "fmt"

type Animal struct {
	Name string
}

func (a Animal) Describe() string { return "animal " + a.Name }
func (a Animal) Sound() string    { return "..." }

type Dog struct {
	Animal
	Breed string
}

func (d Dog) Sound() string { return "woof" }

type Speaker interface{ Sound() string }

func main() {
	d := Dog{Animal{"Rex"}, "beagle"}
	fmt.Println(d.Name, d.Breed)
	fmt.Println(d.Describe())
	fmt.Println(d.Sound(), d.Animal.Sound())
	var s Speaker = d
	fmt.Println("as Speaker:", s.Sound())
	fmt.Printf("%v\n%+v\n", d, d)
}

// Output:
// Rex beagle
// animal Rex
// woof ...
// as Speaker: woof
// {{Rex} beagle}
// {Animal:{Name:Rex} Breed:beagle}
