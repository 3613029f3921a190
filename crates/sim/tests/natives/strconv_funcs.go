// strconv: parsing with every error kind, formatting in bases, floats in
// every format, quoting and unquoting.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"42", "-0", "+7", " 1", "1_000", "12a", "", "99999999999999999999", "-9223372036854775808", "0x1f"} {
		n, err := strconv.Atoi(s)
		fmt.Println(n, err)
	}
	for _, c := range []struct {
		s    string
		base int
		bits int
	}{{"0x_1F", 0, 64}, {"0o17", 0, 8}, {"017", 0, 64}, {"300", 10, 8}, {"-129", 10, 8}, {"z", 36, 0}, {"12", 1, 64}, {"12", 37, 64}, {"12", 10, 65}, {"1__0", 0, 64}} {
		n, err := strconv.ParseInt(c.s, c.base, c.bits)
		fmt.Println(n, err)
	}
	for _, s := range []string{"3.25", "1e400", "-1e400", "1e-400", "inf", "-Infinity", "nan", "+nan", ".5", "5.", ".", "1e", "0x1p-2", "0x1.8", "1_000.5", "abc", "1.7976931348623159e308"} {
		f, err := strconv.ParseFloat(s, 64)
		g, err32 := strconv.ParseFloat(s, 32)
		fmt.Println(f, err, g, err32)
	}
	_, err := strconv.Atoi("x")
	fmt.Println(errors.Is(err, strconv.ErrSyntax), errors.Unwrap(err) == strconv.ErrSyntax)
	var ne *strconv.NumError
	fmt.Println(errors.As(err, &ne), ne.Func, ne.Num, ne.Err)
	fmt.Println(strconv.Itoa(-45), strconv.FormatInt(255, 2), strconv.FormatInt(-255, 16), strconv.FormatInt(35, 36), strconv.FormatUint(18446744073709551615, 10), strconv.FormatUint(255, 8))
	for _, f := range []float64{0, 1, -0.5, 3.14159, 1e21, 1e-7, 123456789, 0.1, 2.5, 1.0 / 3} {
		fmt.Println(strconv.FormatFloat(f, 'f', -1, 64), strconv.FormatFloat(f, 'e', 3, 64), strconv.FormatFloat(f, 'g', -1, 32), strconv.FormatFloat(f, 'G', 4, 64), strconv.FormatFloat(f, 'f', 2, 64), strconv.FormatFloat(f, 'b', -1, 64), strconv.FormatFloat(f, 'x', -1, 64), strconv.FormatFloat(f, 'X', 2, 32))
	}
	fmt.Println(strconv.Quote("hi\n\"there\"\t\u00e9\u200b\x01"+string([]byte{0xff})+"☺"), strconv.QuoteRune('☺'), strconv.QuoteRune('\''), strconv.QuoteRune(0xD800), strconv.QuoteRune('\x00'))
	for _, s := range []string{`"hi\n"`, `"\x41\101\u00e9\U0001F600"`, "`raw\\n`", "'a'", "'ab'", `'\''`, `"\'"`, `"a"b`, "\"a\nb\"", "abc", `""`, "''", `"\400"`, `"\uD800"`} {
		u, err := strconv.Unquote(s)
		fmt.Printf("%q %v\n", u, err)
	}
	b, err := strconv.ParseBool("yes")
	fmt.Println(b, err, strconv.FormatBool(true))
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(strconv.FormatInt(1, 1))
}

// Output:
// 42 <nil>
// 0 <nil>
// 7 <nil>
// 0 strconv.Atoi: parsing " 1": invalid syntax
// 0 strconv.Atoi: parsing "1_000": invalid syntax
// 0 strconv.Atoi: parsing "12a": invalid syntax
// 0 strconv.Atoi: parsing "": invalid syntax
// 9223372036854775807 strconv.Atoi: parsing "99999999999999999999": value out of range
// -9223372036854775808 <nil>
// 0 strconv.Atoi: parsing "0x1f": invalid syntax
// 31 <nil>
// 15 <nil>
// 15 <nil>
// 127 strconv.ParseInt: parsing "300": value out of range
// -128 strconv.ParseInt: parsing "-129": value out of range
// 35 <nil>
// 0 strconv.ParseInt: parsing "12": invalid base 1
// 0 strconv.ParseInt: parsing "12": invalid base 37
// 0 strconv.ParseInt: parsing "12": invalid bit size 65
// 0 strconv.ParseInt: parsing "1__0": invalid syntax
// 3.25 <nil> 3.25 <nil>
// +Inf strconv.ParseFloat: parsing "1e400": value out of range +Inf strconv.ParseFloat: parsing "1e400": value out of range
// -Inf strconv.ParseFloat: parsing "-1e400": value out of range -Inf strconv.ParseFloat: parsing "-1e400": value out of range
// 0 <nil> 0 <nil>
// +Inf <nil> +Inf <nil>
// -Inf <nil> -Inf <nil>
// NaN <nil> NaN <nil>
// 0 strconv.ParseFloat: parsing "+nan": invalid syntax 0 strconv.ParseFloat: parsing "+nan": invalid syntax
// 0.5 <nil> 0.5 <nil>
// 5 <nil> 5 <nil>
// 0 strconv.ParseFloat: parsing ".": invalid syntax 0 strconv.ParseFloat: parsing ".": invalid syntax
// 0 strconv.ParseFloat: parsing "1e": invalid syntax 0 strconv.ParseFloat: parsing "1e": invalid syntax
// 0.25 <nil> 0.25 <nil>
// 0 strconv.ParseFloat: parsing "0x1.8": invalid syntax 0 strconv.ParseFloat: parsing "0x1.8": invalid syntax
// 1000.5 <nil> 1000.5 <nil>
// 0 strconv.ParseFloat: parsing "abc": invalid syntax 0 strconv.ParseFloat: parsing "abc": invalid syntax
// +Inf strconv.ParseFloat: parsing "1.7976931348623159e308": value out of range +Inf strconv.ParseFloat: parsing "1.7976931348623159e308": value out of range
// true true
// true Atoi x invalid syntax
// -45 11111111 -ff z 18446744073709551615 377
// 0 0.000e+00 0 0 0.00 0p-1074 0x0p+00 0X0.00P+00
// 1 1.000e+00 1 1 1.00 4503599627370496p-52 0x1p+00 0X1.00P+00
// -0.5 -5.000e-01 -0.5 -0.5 -0.50 -4503599627370496p-53 -0x1p-01 -0X1.00P-01
// 3.14159 3.142e+00 3.14159 3.142 3.14 7074231776675438p-51 0x1.921f9f01b866ep+01 0X1.92P+01
// 1000000000000000000000 1.000e+21 1e+21 1E+21 1000000000000000000000.00 7629394531250000p+17 0x1.b1ae4d6e2ef5p+69 0X1.B2P+69
// 0.0000001 1.000e-07 1e-07 1E-07 0.00 7555786372591432p-76 0x1.ad7f29abcaf48p-24 0X1.ADP-24
// 123456789 1.235e+08 1.2345679e+08 1.235E+08 123456789.00 8285044862877696p-26 0x1.d6f3454p+26 0X1.D7P+26
// 0.1 1.000e-01 0.1 0.1 0.10 7205759403792794p-56 0x1.999999999999ap-04 0X1.9AP-04
// 2.5 2.500e+00 2.5 2.5 2.50 5629499534213120p-51 0x1.4p+01 0X1.40P+01
// 0.3333333333333333 3.333e-01 0.33333334 0.3333 0.33 6004799503160661p-54 0x1.5555555555555p-02 0X1.55P-02
// "hi\n\"there\"\té\u200b\x01\xff☺" '☺' '\'' '�' '\x00'
// "hi\n" <nil>
// "AAé😀" <nil>
// "raw\\n" <nil>
// "a" <nil>
// "" invalid syntax
// "'" <nil>
// "" invalid syntax
// "" invalid syntax
// "" invalid syntax
// "" invalid syntax
// "" <nil>
// "" <nil>
// "" invalid syntax
// "" invalid syntax
// false strconv.ParseBool: parsing "yes": invalid syntax true
// recovered: strconv: illegal AppendInt/FormatInt base
