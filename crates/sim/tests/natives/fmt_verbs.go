// fmt: verbs, flags, widths, precisions and the %! error forms.
package main

import (
	"errors"
	"fmt"
)

type Point struct {
	X, Y int
}

type inner struct {
	name string
	tags []string
}

type Outer struct {
	P     *Point
	In    inner
	Any   any
	Err   error
	M     map[string]int
	bytes []byte
}

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Loud string

func (l Loud) Error() string { return "LOUD: " + string(l) }

type Boom struct{}

func (b *Boom) String() string { panic("kaboom") }

type ID uint8

func main() {
	p := Point{1, -2}
	fmt.Printf("%v|%+v|%#v|%T\n", p, p, p, p)
	fmt.Printf("%v|%+v|%#v\n", &p, &p, []Point{p})
	o := Outer{In: inner{"x", []string{"a"}}, Any: 3, M: map[string]int{"b": 2, "a": 1}, bytes: []byte("hi")}
	fmt.Printf("%v\n%+v\n", o, o)
	fmt.Printf("%d|%5d|%-5d|%05d|%+d|% d|%x|%X|%o|%O|%b|%#x|%#o|%#b\n", 42, 42, 42, -42, 42, 42, -255, 255, 8, 8, 5, 255, 8, 5)
	fmt.Printf("%.3d|%8.3d|%08.3d|%.0d|%5.0d|\n", 7, 7, 7, 0, 0)
	fmt.Printf("%c|%q|%U|%#U|%q|%+q|%c\n", 'G', 'G', 'é', 'é', '\n', 'é', 0x110000)
	fmt.Printf("%s|%q|%x|% x|%#x|%X|%10s|%-10s|%.2s|%5.1s|\n", "héllo", "héllo", "hi", "hi", "hi", "hi", "go", "go", "héllo", "héllo")
	fmt.Printf("%q|%+q|%#q|%#q\n", "a\tb\u00e9", "é☺", "back`q", "plain")
	fmt.Printf("%s|%x|%q|%v|%d\n", []byte("ab"), []byte("ab"), []byte("a\n"), []byte("ab"), []byte("ab"))
	fmt.Printf("%t|%v|%5t|%d\n", true, false, true, true)
	fmt.Printf("%f|%.2f|%8.3f|%-8.2f|%08.2f|%+.1f|% .1f|%e|%E|%.2e|%g|%G|%.3g|%#g|%#.0f|%x\n", 3.14159, 3.14159, 3.14159, 3.14159, -3.14159, 2.0, 2.0, 123456.789, 0.000123, 1e21, 1e21, 1e-7, 1234.5678, 1.0, 2.0, 1.5)
	fmt.Printf("%v|%v|%v|%v|%6.2f|%06.2f|%+v\n", float32(0.1), 1e20, 1e21, 100000000.0, 1.0/3, -1.0/3, 2.5)
	var nan = 0.0
	nan = nan / nan
	var inf = 1.0
	inf = inf / 0
	fmt.Printf("%v|%5.1f|%05v|%+v|%v|% v|%08.3f\n", nan, nan, inf, inf, -inf, nan, -inf)
	fmt.Printf("%v|%s|%d|%q|%x\n", Celsius(21.5), Celsius(-3), Celsius(1), Celsius(0), Celsius(2))
	fmt.Printf("%v|%s|%q|%d\n", Loud("hey"), Loud("x"), Loud("y"), Loud("z"))
	fmt.Printf("%v|%s\n", &Boom{}, (*Boom)(nil))
	fmt.Printf("%v|%d|%x|%#v|%#v\n", ID(200), ID(200), ID(200), ID(200), []ID{1, 2})
	fmt.Printf("%#v|%#v|%#v|%#v|%#v\n", "s", 42, 3.0, []string(nil), map[string]bool{"k": true})
	fmt.Printf("%#v|%#v|%#v\n", struct{ A any }{}, []any{1, "a", nil}, [2]bool{true})
	fmt.Printf("%v|%v|%v|%d\n", nil, []int(nil), map[string]int(nil), []int{1, 2})
	fmt.Printf("%d %s|%z|%!|%t\n", "wrong", 5, 3, 1)
	fmt.Printf("%d|%d %d\n", 1, 2)
	fmt.Printf("%d\n", 1, "x", nil)
	fmt.Printf("%[2]d %[1]d|%[3]d|%[0]d|%[x]d|%[2]*[1]d|%-*d|%.*f|%*d\n", 1, 2, 3, 4, 7, 5, 2, 3.14159, "x", 1)
	fmt.Printf("%!|%|%5%|%-5%|\n")
	fmt.Printf("%")
	fmt.Println()
	fmt.Printf("%.f|%.e|%5.f|\n", 2.5, 2.5, 3.5)
	fmt.Printf("%v %v %v\n", int8(-128), uint64(18446744073709551615), int64(-9223372036854775808))
	fmt.Printf("%x|%X|%#X|%x\n", -1, "Hi", 255, 3.5)
	fmt.Printf("%6.2v|%v|%.3v\n", 3.14159, "str", "string")
	fmt.Println(errors.New("e1"), fmt.Errorf("wrap: %w", errors.New("e2")), fmt.Sprint("a", 1, 2, "b", "c", 3.5, nil, true))
	fmt.Print("x", 1, "\n")
	fmt.Print(1, 2, "\n")
	s := fmt.Sprintln("a", 1, []string{"b"})
	fmt.Print(s)
	fmt.Printf("%v %v\n", [3]int{1, 2, 3}, [0]int{})
	fmt.Printf("%v|%+v\n", struct {
		A *int
		B []*Point
	}{}, struct{ E error }{errors.New("x")})
	fmt.Printf("%s|%v|%d\n", []string{"a", "b"}, []error{errors.New("x"), nil}, []float64{1.5, 2})
	fmt.Printf("%x|%X|% X\n", []string{"hi", "yo"}, "hé", []byte{1, 171})
	fmt.Printf("%5q|%-6c|%03c|\n", 'x', 'y', 'z')
	fmt.Printf("%v|%v|%v\n", map[int]string{3: "c", -1: "a", 2: "b"}, map[bool]int{true: 1, false: 0}, map[float64]int{2.5: 1, -1: 2})
	fmt.Printf("%08d|%-08d|%+08d|% 08d|%x\n", -42, -42, 42, 42, int8(-1))
	fmt.Printf("%010.4f|%-10.4e|%+10.2g|\n", 3.14159, 3.14159, 3.14159)
	fmt.Printf("%U|%#U|%#U\n", 0x1F600, 0x1F600, 0x7)
	fmt.Printf("%6.3x|%-8x|%08x|\n", "hello", "ab", "ab")
	fmt.Printf("%p\n", 5)
	var np *Point
	fmt.Printf("%v|%+v|%s|%d\n", np, np, np, np)
}

// Output:
// {1 -2}|{X:1 Y:-2}|main.Point{X:1, Y:-2}|main.Point
// &{1 -2}|&{X:1 Y:-2}|[]main.Point{main.Point{X:1, Y:-2}}
// {<nil> {x [a]} 3 <nil> map[a:1 b:2] [104 105]}
// {P:<nil> In:{name:x tags:[a]} Any:3 Err:<nil> M:map[a:1 b:2] bytes:[104 105]}
// 42|   42|42   |-0042|+42| 42|-ff|FF|10|0o10|101|0xff|010|0b101
// 007|     007|     007||     |
// G|'G'|U+00E9|U+00E9 'é'|'\n'|'\u00e9'|�
// héllo|"héllo"|6869|68 69|0x6869|6869|        go|go        |hé|    h|
// "a\tbé"|"\u00e9\u263a"|"back`q"|`plain`
// ab|6162|"a\n"|[97 98]|[97 98]
// true|false| true|%!d(bool=true)
// 3.141590|3.14|   3.142|3.14    |-0003.14|+2.0| 2.0|1.234568e+05|1.230000E-04|1.00e+21|1e+21|1E-07|1.23e+03|1.00000|2.|0x1.8p+00
// 0.1|1e+20|1e+21|1e+08|  0.33|-00.33|2.5
// NaN|  NaN| +Inf|+Inf|-Inf| NaN|    -Inf
// 21.5°C|-3.0°C|%!d(main.Celsius=1)|"0.0°C"|322e30c2b043
// LOUD: hey|LOUD: x|"LOUD: y"|%!d(main.Loud=z)
// %!v(PANIC=String method: kaboom)|<nil>
// 200|200|c8|0xc8|[]main.ID{0x1, 0x2}
// "s"|42|3|[]string(nil)|map[string]bool{"k":true}
// struct { A interface {} }{A:interface {}(nil)}|[]interface {}{1, "a", interface {}(nil)}|[2]bool{true, false}
// <nil>|[]|map[]|[1 2]
// %!d(string=wrong) %!s(int=5)|%!z(int=3)|%!!(int=1)|%!t(MISSING)
// 1|2 %!d(MISSING)
// 1
// %!(EXTRA string=x, <nil>)2 1|3|%!d(BADINDEX)|%!d(BADINDEX)| 1|3 |%!f(int=0007)|    2
// %!!(MISSING)|%!|(MISSING)%|%|
// %!(NOVERB)
// 2|2e+00|    4|
// -128 18446744073709551615 -9223372036854775808
// -1|4869|0XFF|0x1.cp+01
//    3.1|str|str
// e1 wrap: e2 a1 2bc3.5 <nil> true
// x1
// 1 2
// a 1 [b]
// [1 2 3] []
// {<nil> []}|{E:x}
// [a b]|[x <nil>]|[%!d(float64=1.5) %!d(float64=2)]
// [6869 796f]|68C3A9|01 AB
//   'x'|y     |00z|
// map[-1:a 2:b 3:c]|map[false:0 true:1]|map[-1:2 2.5:1]
// -0000042|-42     |+0000042| 0000042|-1
// 00003.1416|3.1416e+00|      +3.1|
// U+1F600|U+1F600 '😀'|U+0007
// 68656c|6162    |00006162|
// %!p(int=5)
// <nil>|<nil>|%!s(*main.Point=<nil>)|0
