@bad-input
Feature: Bad input — the phone refuses what it cannot use, says why, and loses nothing
  People mistype codes and addresses; switches, DHCP servers and settings files get
  misconfigured. Whatever the phone cannot use, it refuses with a reason and keeps what it had.
  What the user typed is refused on the phone's screen, and the user can type again. What the
  network sent is for QA: the reason is in the phone's log, and the phone carries on with the
  sources that did work.

  Background:
    Given the phone boots for the first time

  @req:ASSUME-4 @assumption
  Rule: ASSUME-4 — A code of the wrong form is refused on the phone and DES is not asked
    CODE-1 defines the form, so the phone checks it itself: a malformed code never reaches DES
    and so never counts towards DES's lockout (ASSUME-6). Leading zeros are digits like any other.

    Background:
      Given DES has no configuration server for the phone

    Scenario Outline: A code with <mistake> is refused
      When the user answers Yes
      And the user enters the enrollment code "<code>"
      Then the phone refuses it, saying "<message>"
      And the phone asks for the enrollment code
      And the phone asked DES 1 time

      Examples: wrong length
        | mistake                       | code                  | message                                                                                    |
        | nothing at all                |                       | No enrollment code was entered; type the eight- or twelve-digit code.                     |
        | ten digits                    | 4821337700            | The enrollment code must be eight or twelve digits long; ten digits were entered.          |
        | eleven digits                 | 48213377001           | The enrollment code must be eight or twelve digits long; eleven digits were entered.       |
        | sixteen digits                | 4821337700112233      | The enrollment code must be eight or twelve digits long; sixteen digits were entered.      |
        | more than twenty digits       | 482133770011223344556 | The enrollment code must be eight or twelve digits long; more than twenty digits were entered. |
        | seven digits, two of them 0   | 0048213               | The enrollment code must be eight or twelve digits long; seven digits were entered.        |

      Examples: not only digits
        | mistake                       | code                  | message                                                                                    |
        | letters only                  | ABCDEFGH              | The enrollment code may contain only digits; letters, spaces and separators are not allowed. |
        | a space in the middle         | 4821 3377             | The enrollment code may contain only digits; letters, spaces and separators are not allowed. |
        | pasted dots                   | 4821.3377             | The enrollment code may contain only digits; letters, spaces and separators are not allowed. |
        | pasted slashes                | 4821/3377             | The enrollment code may contain only digits; letters, spaces and separators are not allowed. |
        | a pasted 12-digit code        | 5123-4009-0042        | The enrollment code may contain only digits; letters, spaces and separators are not allowed. |
        | full-width digits             | ４８２１３３７７      | The enrollment code may contain only digits; letters, spaces and separators are not allowed. |

      Examples: every count is spelled out, so no digit of the code is shown
        | mistake                       | code                  | message                                                                                    |
        | one digit                     | 4                     | The enrollment code must be eight or twelve digits long; one digit was entered.            |
        | two digits                    | 48                    | The enrollment code must be eight or twelve digits long; two digits were entered.          |
        | three digits                  | 482                   | The enrollment code must be eight or twelve digits long; three digits were entered.        |
        | four digits                   | 4821                  | The enrollment code must be eight or twelve digits long; four digits were entered.         |
        | five digits                   | 48213                 | The enrollment code must be eight or twelve digits long; five digits were entered.         |
        | six digits                    | 482133                | The enrollment code must be eight or twelve digits long; six digits were entered.          |
        | fourteen digits               | 48213377001122        | The enrollment code must be eight or twelve digits long; fourteen digits were entered.     |
        | fifteen digits                | 482133770011223       | The enrollment code must be eight or twelve digits long; fifteen digits were entered.      |
        | seventeen digits              | 48213377001122334     | The enrollment code must be eight or twelve digits long; seventeen digits were entered.    |
        | eighteen digits               | 482133770011223344    | The enrollment code must be eight or twelve digits long; eighteen digits were entered.     |
        | nineteen digits               | 4821337700112233445   | The enrollment code must be eight or twelve digits long; nineteen digits were entered.     |
        | twenty digits                 | 48213377001122334455  | The enrollment code must be eight or twelve digits long; twenty digits were entered.       |

    Scenario: Malformed codes, however many, never count towards DES's lockout
      Given DES accepts the enrollment code "48213377" for the configuration server "https://prov.example.com/j100"
      And the configuration server "https://prov.example.com/j100" holds the site's settings
      When the user answers Yes
      And the user enters these enrollment codes one after another:
        | 4821337        |
        | 4821-3377      |
        | ABCDEFGH       |
        | 482133771      |
        | 4821 3377      |
        | 9027163544181  |
      And the user enters the enrollment code "48213377"
      Then the phone is provisioned from "https://prov.example.com/j100"
      And the phone refused 6 enrollment codes itself
      And the phone asked DES 2 times

  @req:ASSUME-12 @assumption
  Rule: ASSUME-12 — The phone accepts http, https, or a bare address, and refuses anything else with a reason
    A bare address means http. Anything else is refused on the prompt, so the installer can
    correct it without starting over; nothing is contacted for an address the phone refused.

    Background:
      Given DES has no configuration server for the phone

    Scenario Outline: A server address with <mistake> is refused
      Given the phone is asking for the configuration server by hand
      When the user enters the configuration server "<typed>"
      Then the phone refuses it, saying "<message>"
      And the phone asks for the configuration server by hand

      Examples: scheme and form
        | mistake                   | typed                                    | message                                                                                                  |
        | an unknown scheme         | tftp://prov.example.com                  | The server address starts with "tftp://"; only http:// and https:// are allowed.                         |
        | a scheme with one slash   | http:/prov.example.com                   | The server address has ":" but no port number after it.                                                  |
        | a space before the path   | https://prov.example.com /j100           | The server address must not contain spaces.                                                              |
        | a user name               | admin@prov.example.com                   | The server address must not contain a user name ("name@"); give only the host, optional port and path.   |
        | a query                   | https://prov.example.com/j100?site=leeds | The server address must not contain a query or fragment ("?" or "#").                                    |
        | a fragment                | https://prov.example.com/j100#top        | The server address must not contain a query or fragment ("?" or "#").                                    |
        | no host                   | http://:8080/j100                        | The server address has no host name or IP address.                                                       |
        | pasted angle brackets     | <https://prov.example.com>               | The host "<https" is not a valid server name: only letters, digits, hyphens and dots are allowed.        |

      Examples: port
        | mistake                   | typed                                    | message                                                                                                  |
        | port 0                    | prov.example.com:0                       | The port in the server address must be a number from 1 to 65535, not "0".                                |
        | port 65536                | https://prov.example.com:65536           | The port in the server address must be a number from 1 to 65535, not "65536".                            |
        | a port in words           | prov.example.com:http                    | The port in the server address must be a number from 1 to 65535, not "http".                             |
        | a colon without a port    | prov.example.com:                        | The server address has ":" but no port number after it.                                                  |
        | letters after the port    | prov.example.com:8080x                   | The port in the server address must be a number from 1 to 65535, not "8080x".                            |

      Examples: host
        | mistake                   | typed                                    | message                                                                                                  |
        | a number above 255        | 192.0.2.300                              | The host "192.0.2.300" is not a valid IPv4 address: each number must be from 0 to 255.                   |
        | three numbers             | 192.0.2                                  | The host "192.0.2" is not a valid IPv4 address: it needs four numbers separated by dots.                 |
        | five numbers              | 1.2.3.4.5                                | The host "1.2.3.4.5" is not a valid IPv4 address: it needs four numbers separated by dots.               |
        | a leading hyphen          | -prov.example.com                        | The host "-prov.example.com" is not a valid server name: no part between dots may start or end with a hyphen. |
        | an empty part             | prov..example.com                        | The host "prov..example.com" is not a valid server name: each part between dots must be 1 to 63 characters long. |
        | an underscore             | prov_1.example.com                       | The host "prov_1.example.com" is not a valid server name: only letters, digits, hyphens and dots are allowed. |
        | a trailing hyphen         | prov-.example.com                        | The host "prov-.example.com" is not a valid server name: no part between dots may start or end with a hyphen. |
        | an empty number           | 192.0..2                                 | The host "192.0..2" is not a valid IPv4 address: it needs four numbers separated by dots.                |
        | a number of four digits   | 192.0.2.0040                             | The host "192.0.2.0040" is not a valid IPv4 address: each number must be from 0 to 255.                  |

    Scenario: An address longer than 255 characters is refused
      Given the phone is asking for the configuration server by hand
      When the user enters a configuration server address of 256 characters
      Then the phone refuses it, saying "The server address is 256 characters long; it may be at most 255."
      And the phone asks for the configuration server by hand

    Scenario Outline: A server name <size> is refused
      Given the phone is asking for the configuration server by hand
      When the user enters a configuration server name <size>
      Then the phone tells the user "<reason>"
      And the phone asks for the configuration server by hand

      Examples: beyond what DNS allows
        | size                         | reason                                                                              |
        | of 254 characters            | is not a valid server name: it is longer than 253 characters                        |
        | with a part of 64 characters | is not a valid server name: each part between dots must be 1 to 63 characters long  |

    Scenario: An address of spaces only counts as no address
      Given the phone is asking for the configuration server by hand
      When the user enters the configuration server "   "
      Then the phone refuses it, saying "No server address was entered; type an address such as https://provisioning.example.com."
      And the phone asks for the configuration server by hand

    Scenario: After a refused address, the corrected one provisions the phone
      Given the configuration server "https://prov.example.com/j100" holds the site's settings
      And the phone is asking for the configuration server by hand
      When the user enters the configuration server "https://prov.example.com:j100"
      And the user enters the configuration server "https://prov.example.com/j100"
      Then the phone is provisioned from "https://prov.example.com/j100"
      And the phone tells the user "The port in the server address must be a number from 1 to 65535, not "j100"."

    Scenario Outline: After No, provisioning details with <mistake> are refused
      Given the DHCP server offers no configuration server
      When the user answers No
      And the user enters the provisioning details "<typed>"
      Then the phone refuses it, saying "<message>"
      And the phone asks for the provisioning details by hand
      And the phone never contacted DES

      Examples: entries the phone cannot read
        | mistake           | typed                 | message                                                                              |
        | an unknown scheme | ftps://192.0.2.40     | The server address starts with "ftps://"; only http:// and https:// are allowed.     |
        | a bad address     | 192.0.2.400           | The host "192.0.2.400" is not a valid IPv4 address: each number must be from 0 to 255. |

  @req:ASSUME-21 @assumption
  Rule: ASSUME-21 — The administration menu outranks DHCP and LLDP
    A value set in the administration menu is checked like a typed one; a bad one is refused
    in the phone's log and the phone stays as it was, still open to the menu.

    Scenario: A bad server set in the administration menu leaves the phone unprovisioned and open to the menu
      Given DES has no configuration server for the phone
      And the phone is asking for the configuration server by hand
      When the user presses Cancel
      And the installer sets the configuration server "ftp://prov.example.com" in the administration menu
      Then the phone shows that it is not provisioned
      And the phone's log says "The server address starts with "ftp://"; only http:// and https:// are allowed."

  @req:ASSUME-25 @assumption
  Rule: ASSUME-25 — A DHCP option the phone cannot read is ignored whole and logged
    Half-reading an option could send the phone to a wrong server, and nobody at the phone can
    correct DHCP data: the phone ignores the option, says why in its log, and uses what else it has.

    Scenario Outline: A site-specific option with <mistake> is ignored and LLDP's server is used
      Given the DHCP server offers the site-specific option "<option>"
      And the switch announces the file server 192.0.2.60 over LLDP
      And the configuration server "192.0.2.60" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.60"
      And the phone's log says "DHCP option 242 ignored: <message>"

      Examples: form
        | mistake                  | option                                          | message                                                                                          |
        | nothing in it            |                                                 | The DHCP site-specific option is empty; it should hold NAME=value pairs such as HTTPSRVR=192.168.0.100. |
        | a missing "="            | HTTPSRVR192.0.2.50                              | The DHCP site-specific option has "HTTPSRVR192.0.2.50" at character 1, which is not a NAME=value pair. |
        | an unknown name          | HTTPSERVER=192.0.2.50                           | The DHCP site-specific option contains the unknown name "HTTPSERVER" at character 1.            |
        | a name given twice       | HTTPSRVR=192.0.2.50,HTTPSRVR=192.0.2.51         | HTTPSRVR is set twice in the DHCP site-specific option.                                          |
        | a space                  | HTTPSRVR=192.0.2.50, 192.0.2.51                 | The DHCP site-specific option must not contain spaces; there is one at character 21.            |
        | a comma too many         | L2Q=1,,HTTPSRVR=192.0.2.50                      | The DHCP site-specific option has an empty entry at character 7; remove the extra comma.        |
        | a name without "="       | L2Q=1,VLANTEST                                  | The DHCP site-specific option has "VLANTEST" at character 7, which is not a NAME=value pair.    |

      Examples: values
        | mistake                  | option                                          | message                                                                                          |
        | an empty server list     | HTTPSRVR=                                       | HTTPSRVR in the DHCP site-specific option has no value.                                          |
        | an empty server          | HTTPSRVR=192.0.2.50,,192.0.2.51                 | The HTTPSRVR list in the DHCP site-specific option has an empty entry; remove the extra comma.  |
        | a bad server address     | HTTPSRVR=192.0.2.500                            | The HTTPSRVR list in the DHCP site-specific option has "192.0.2.500", which is not a valid IPv4 address: each number must be from 0 to 255. |
        | a bad server name        | TLSSRVR=-prov.example.com                       | The TLSSRVR list in the DHCP site-specific option has "-prov.example.com", which is not a valid server name: no part between dots may start or end with a hyphen. |
        | HTTP port 0              | HTTPSRVR=192.0.2.50,HTTPPORT=0                  | HTTPPORT in the DHCP site-specific option must be a number from 1 to 65535, not "0".            |
        | a TLS port too high      | TLSSRVR=192.0.2.50,TLSPORT=65536                | TLSPORT in the DHCP site-specific option must be a number from 1 to 65535, not "65536".         |
        | an empty HTTPDIR         | HTTPSRVR=192.0.2.50,HTTPDIR=                    | HTTPDIR in the DHCP site-specific option has no value.                                           |
        | an http AADS_URL         | AADS_URL=http://aads.example.com,HTTPSRVR=192.0.2.50 | AADS_URL in the DHCP site-specific option must be an https:// address, not "http://aads.example.com". |
        | an AADS_URL with two schemes | AADS_URL=http://https://aads.example.com,HTTPSRVR=192.0.2.50 | AADS_URL in the DHCP site-specific option must be an https:// address, not "http://https://aads.example.com". |
        | a port in hexadecimal    | HTTPSRVR=192.0.2.50,HTTPPORT=0x1F90             | HTTPPORT in the DHCP site-specific option must be a number from 1 to 65535, not "0x1F90".       |
        | a bad call server        | MCIPADD=192.0.2.30,192.0.2.300,HTTPSRVR=192.0.2.50 | The MCIPADD list in the DHCP site-specific option has "192.0.2.300", which is not a valid IPv4 address: each number must be from 0 to 255. |

    Scenario: An HTTPDIR longer than 127 characters makes the whole option ignored
      Given the DHCP server offers a site-specific option whose HTTPDIR is 128 characters long
      And the switch announces the file server 192.0.2.60 over LLDP
      And the configuration server "192.0.2.60" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.60"
      And the phone's log says "HTTPDIR in the DHCP site-specific option is 128 characters long; it may be at most 127."

    Scenario: A bad site-specific option does not hide Avaya's option 43 in the same offer
      Given the DHCP server offers Avaya's vendor option naming the server "192.0.2.51"
      And the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50,HTTPSRVR=192.0.2.52"
      And the configuration server "192.0.2.51" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.51"
      And the phone's log says "HTTPSRVR is set twice in the DHCP site-specific option."

    Scenario Outline: Avaya's option 43 <damage> is ignored and LLDP's server is used
      Given the DHCP server offers Avaya's vendor option naming the server "192.0.2.51" <damage>
      And the switch announces the file server 192.0.2.60 over LLDP
      And the configuration server "192.0.2.60" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.60"
      And the phone's log says "DHCP option 43 ignored: <message>"

      Examples: damaged encodings
        | damage                                         | message                                                                                          |
        | cut off in the middle of the server name       | Sub-option 2 of DHCP option 43, at byte offset 6, says it is 10 bytes long but only 7 bytes remain. |
        | cut off after a sub-option number              | DHCP option 43 ends in the middle of a sub-option header at byte offset 18.                     |
        | with a control character after the server name | Sub-option 2 (HTTPSRVR) of DHCP option 43, at byte offset 6, contains a byte that is not printable ASCII. |

    Scenario Outline: Avaya's option 43 with <mistake> is ignored and LLDP's server is used
      Given the DHCP server offers Avaya's vendor option with the settings "<option 43>"
      And the switch announces the file server 192.0.2.60 over LLDP
      And the configuration server "192.0.2.60" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.60"
      And the phone's log says "DHCP option 43 ignored: <message>"

      Examples: values the phone cannot use
        | mistake                           | option 43                          | message                                                                                                   |
        | a space in HTTPDIR                | HTTPSRVR=192.0.2.51,HTTPDIR=j 100  | HTTPDIR in DHCP option 43 must not contain spaces.                                                        |
        | a letter outside ASCII in HTTPDIR | HTTPSRVR=192.0.2.51,HTTPDIR=zürich | Sub-option 3 (HTTPDIR) of DHCP option 43, at byte offset 18, contains a byte that is not printable ASCII. |

    Scenario: Avaya's option 43 naming an impossible address is ignored
      Given the DHCP server offers Avaya's vendor option naming the server "192.0.2.510"
      And the switch announces the file server 192.0.2.60 over LLDP
      And the configuration server "192.0.2.60" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.60"
      And the phone's log says "DHCP option 43 ignored: The HTTPSRVR list in DHCP option 43 has "192.0.2.510", which is not a valid IPv4 address"

    Scenario: Another vendor's option 43 is not for the phone and is passed over
      Given the DHCP server offers another vendor's option 43 naming the server "192.0.2.51"
      And the switch announces the file server 192.0.2.60 over LLDP
      And the configuration server "192.0.2.60" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.60"
      And the phone never contacted the configuration server "192.0.2.51"

  @req:ASSUME-26 @assumption
  Rule: ASSUME-26 — An LLDP frame the phone cannot read is ignored whole and logged
    Switches repeat their frames, so a damaged one is usually followed by a good one: the phone
    ignores the bad frame, says why in its log, and keeps listening for the rest of the search.

    Background:
      Given the DHCP server offers no configuration server

    Scenario Outline: A frame <damage> is ignored and the switch's next frame is used
      Given the switch announces the file server 192.0.2.61 over LLDP in a frame <damage>
      And the switch announces the file server 192.0.2.60 over LLDP after 5 seconds
      And the configuration server "192.0.2.60" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.60"
      And the phone's log says "LLDP frame ignored: <message>"

      Examples: frames the phone cannot read
        | damage                             | message                                                                                                  |
        | cut off in the middle              | The LLDP frame is cut short: the TLV at byte offset 26 says it is 8 bytes long but only 6 bytes remain. |
        | cut off inside its End TLV         | The LLDP frame ends in the middle of a TLV header at byte offset 36.                                    |
        | without its End TLV                | The LLDP frame has no End TLV; it must finish with a TLV of type 0 and length 0.                        |
        | with stray bytes after the address | The Avaya file-server TLV at byte offset 26 carries 6 bytes of addresses; it must carry 1 to 4 IPv4 addresses of 4 bytes each. |
        | with the address left out          | The Avaya file-server TLV at byte offset 26 carries 0 bytes of addresses; it must carry 1 to 4 IPv4 addresses of 4 bytes each. |
        | cut off after its Chassis ID       | The LLDP frame ends before its Port ID TLV; it must start with Chassis ID, Port ID and TTL TLVs.        |
        | without its TTL                    | The LLDP frame must start with Chassis ID, Port ID and TTL TLVs; the TLV at byte offset 22 is type 127 where TTL (type 3) was expected. |
        | with an End TLV that is not empty  | The End TLV at byte offset 36 must be 0 bytes long, not 2.                                              |
        | with an organisationally specific TLV too short for its subtype | The organisationally specific TLV at byte offset 26 is 3 bytes long; it needs at least 4 for its OUI and subtype. |
        | padded to 1501 bytes               | The LLDP frame is 1501 bytes long; it may be at most 1500.                                              |

    Scenario: A frame listing 0.0.0.0 is ignored and the switch's next frame is used
      Given the switch announces the file server 0.0.0.0 over LLDP
      And the switch announces the file server 192.0.2.60 over LLDP after 5 seconds
      And the configuration server "192.0.2.60" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.60"
      And the phone's log says "LLDP frame ignored: The Avaya file-server TLV at byte offset 26 lists 0.0.0.0, which is not a usable server."

    Scenario: A frame listing five file servers is ignored whole
      Given the switch announces 5 file servers over LLDP
      And the switch announces the file server 192.0.2.60 over LLDP after 5 seconds
      And the configuration server "192.0.2.60" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.60"
      And the phone's log says "carries 20 bytes of addresses; it must carry 1 to 4 IPv4 addresses of 4 bytes each."

    Scenario: A file server under another organisation's OUI is not Avaya's and is passed over
      Given the switch announces the file server 192.0.2.61 over LLDP in a frame under another organisation's OUI
      When the user answers No
      Then the phone asks for the provisioning details by hand
      And the phone never contacted the configuration server "192.0.2.61"

  @req:ASSUME-22 @assumption
  Rule: ASSUME-22 — A settings file the phone cannot use counts as the server failing
    A half-applied file leaves the phone half configured: nothing from a bad file is applied,
    the reason is in the phone's log, and the next server in the list is tried.

    Background:
      Given the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50,192.0.2.51"
      And the configuration server "192.0.2.51" holds the site's settings

    Scenario Outline: A settings file with <mistake> is not applied; the next server's file is
      Given the configuration server "192.0.2.50" holds these settings:
        """
        SET SNTPSRVR 192.0.2.123
        <line>
        """
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.51"
      And the phone has no setting SNTPSRVR
      And the phone's log says "http://192.0.2.50/46xxsettings.txt is not a usable settings file: <message>"

      Examples: statements the phone cannot read
        | mistake                       | line                                                    | message                                                                                         |
        | an unterminated quote         | SET SIP_CONTROLLER_LIST "sbc.example.com:5061;transport=tls | Line 2 of the settings file has an opening quote that is never closed.                     |
        | an unknown statement          | SETT SIPDOMAIN example.com                              | Line 2 of the settings file starts with "SETT", which is not SET, GET, IF, GOTO, a label or a comment. |
        | SET without a value           | SET SIPDOMAIN                                           | Line 2 of the settings file sets SIPDOMAIN without a value; write SET SIPDOMAIN "" for an empty value. |
        | SET alone                     | SET                                                     | Line 2 of the settings file must have the form SET NAME value.                                  |
        | a name in small letters       | SET sipdomain example.com                               | Line 2 of the settings file sets "sipdomain", but setting names may contain only capital letters, digits and underscores. |
        | text after the closing quote  | SET SIPDOMAIN "example.com" # main site                 | Line 2 of the settings file has text after the closing quote.                                   |
        | GET without a file            | GET                                                     | Line 2 of the settings file must be GET followed by one file name.                              |
        | an IF without SEQ             | IF $MODEL4 = J179 GOTO J179                             | Line 2 of the settings file must have the form IF $VARIABLE SEQ value GOTO label.               |
        | GOTO without a label          | GOTO                                                    | Line 2 of the settings file must be GOTO followed by one label name.                            |
        | a comment with one "#"        | # settings for the Leeds office                         | Line 2 of the settings file has a label with a space in it; a label is "#" followed by one word. |
        | a "#" alone                   | #                                                       | Line 2 of the settings file has "#" without a label name after it.                              |
        | a hyphen in a name            | SET SIP-DOMAIN example.com                              | Line 2 of the settings file sets "SIP-DOMAIN", but setting names may contain only capital letters, digits and underscores. |
        | GET with two files            | GET j179.txt j169.txt                                   | Line 2 of the settings file must be GET followed by one file name.                              |
        | GOTO with two labels          | GOTO J179 J169                                          | Line 2 of the settings file must be GOTO followed by one label name.                            |
        | an IF NOT                     | IF NOT $MODEL4 SEQ J169 GOTO OTHERS                     | Line 2 of the settings file must have the form IF $VARIABLE SEQ value GOTO label.               |
        | an IF with two labels         | IF $MODEL4 SEQ J179 GOTO J179 J169                      | Line 2 of the settings file must have the form IF $VARIABLE SEQ value GOTO label.               |

    Scenario: A settings file over 256 KiB is not applied; the next server's file is
      Given the configuration server "192.0.2.50" holds a settings file of 300 KiB
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.51"
      And the phone's log says "The settings file is 307200 bytes; the phone accepts at most 262144 bytes (256 KiB)."

    Scenario: A settings file of exactly 256 KiB is still applied
      Given the configuration server "192.0.2.50" holds a settings file of 256 KiB
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.50"

    Scenario: A settings file written in Latin-1 is not applied; the next server's file is
      Given the configuration server "192.0.2.50" holds a settings file written in Latin-1
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.51"
      And the phone's log says "Line 4 of the settings file is not valid UTF-8 text."

    Scenario: A binary file in place of the settings file is not applied; the next server's file is
      Given the configuration server "192.0.2.50" sends a malformed reply
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.51"
      And the phone's log says "The settings file is binary, not text: it has a NUL byte at byte offset 8."

    Scenario: When no server's file can be used, the phone shows what was wrong with each
      Given the configuration server "192.0.2.50" holds a settings file of 300 KiB
      And the configuration server "192.0.2.51" sends a malformed reply
      When the user answers No
      Then the phone asks for the provisioning details by hand
      And the phone tells the user "at most 262144 bytes (256 KiB).; http://192.0.2.51/46xxsettings.txt is not a usable settings file"
