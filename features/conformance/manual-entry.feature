@conformance @path:manual
Feature: Typing the server by hand
  Every path can end with the phone asking a person for its server: the configuration server
  after Yes or a timeout, the provisioning details after No. What the phone accepts there,
  and what it does when the server typed cannot help, the source leaves to us.

  @req:ASSUME-12b @assumption
  Rule: ASSUME-12b — The phone accepts http, https, or a bare address, and refuses anything else
    These are the forms HTTPSRVR and DES provisioning URLs take. A refused entry stays on the
    prompt so the installer can correct it without starting over.

    Scenario Outline: A server typed as <form> is used as <server>
      Given the configuration server "<server>" holds the site's settings
      And the phone is asking for the configuration server by hand
      When the user enters the configuration server "<typed>"
      Then the phone is provisioned from "<server>"

      Examples: forms of address the phone accepts
        | form                   | typed                            | server                           |
        | an https URL with path | https://prov.example.com/j100    | https://prov.example.com/j100    |
        | an http URL with port  | http://prov.example.com:8080     | http://prov.example.com:8080     |
        | a bare IPv4 address    | 192.0.2.40                       | http://192.0.2.40                |
        | a bare name and port   | prov.example.com:8080            | http://prov.example.com:8080     |
        | a one-letter name part | https://j.example.com            | https://j.example.com            |
        | a 255 in an address    | 10.255.0.1                       | http://10.255.0.1                |
        | the lowest port        | prov.example.com:1               | http://prov.example.com:1        |
        | the highest port       | https://prov.example.com:65535   | https://prov.example.com:65535   |

    @bad-input
    Scenario Outline: <mistake> is refused
      Given the phone is asking for the configuration server by hand
      When the user enters the configuration server "<typed>"
      Then the phone refuses the entry and asks for the configuration server again
      And the phone contacted no configuration server

      Examples: addresses the phone cannot use
        | mistake             | typed                  |
        | an unknown scheme   | ftp://prov.example.com |
        | a space             | prov example.com       |
        | a port out of range | prov.example.com:70000 |
        | nothing at all      |                        |

    @fault
    Scenario Outline: A name with digits, <typed>, is still looked up as a name
      Given the configuration server "<typed>" has a name that cannot be resolved
      And the phone is asking for the configuration server by hand
      When the user enters the configuration server "<typed>"
      Then the phone asks for the configuration server by hand, saying the settings could not be fetched
      And the phone looked up the name "<typed>"

      Examples: names that only partly look like an IPv4 address
        | typed             |
        | 192.0.2.40.nip.io |
        | fileserver1       |

    Scenario Outline: A server <entry>, as long as allowed, is accepted
      Given the phone is asking for the configuration server by hand
      When the user enters a configuration server <entry>
      Then the phone accepts it and tries to reach that server

      Examples: at the limits
        | entry                             |
        | address of 255 characters         |
        | name of 253 characters            |
        | name with a part of 63 characters |

    Scenario: A server that cannot be reached brings the prompt back, saying so
      Given the configuration server "https://prov.example.com/j100" is not on the network
      And the phone is asking for the configuration server by hand
      When the user enters the configuration server "https://prov.example.com/j100"
      Then the phone asks for the configuration server by hand, saying the settings could not be fetched

  @req:ASSUME-13 @assumption
  Rule: ASSUME-13 — Cancelling manual entry leaves the phone unprovisioned, open to the administration menu
    The phone cannot work without settings; the administration menu is the installer's way back in.

    Scenario: Cancelling the server prompt too leaves the phone unprovisioned
      Given the phone is asking for the configuration server by hand
      When the user presses Cancel
      Then the phone shows that it is not provisioned

    Scenario: The administration menu provisions an unprovisioned phone
      Given the configuration server "https://prov.example.com/j100" holds the site's settings
      And the phone is asking for the configuration server by hand
      When the user presses Cancel
      And the installer sets the configuration server "https://prov.example.com/j100" in the administration menu
      Then the phone is provisioned from "https://prov.example.com/j100"

  @req:ASSUME-17 @assumption
  Rule: ASSUME-17 — The phone waits 10 seconds for DES
    A usual HTTP client timeout for desk phones; an installer should not wait minutes.

    Scenario: A silent DES is given up after 10 seconds
      Given DES stays silent
      When the user answers Yes
      Then the phone gave up on DES 10 seconds after contacting it

  @req:ASSUME-17 @assumption
  Rule: ASSUME-17 — The phone waits 10 seconds for each configuration server
    As for DES, and per server, so one dead server does not use up the time of the others.

    Scenario: A silent configuration server is given up after 10 seconds
      Given the configuration server "https://prov.example.com/j100" stays silent
      And the phone is asking for the configuration server by hand
      When the user enters the configuration server "https://prov.example.com/j100"
      Then the phone gave up on the configuration server 10 seconds after contacting it

  @req:ASSUME-22 @assumption
  Rule: ASSUME-22 — A settings file the phone cannot use counts as the server failing
    A file that is not a settings file at all gives the phone nothing to apply.

    @bad-input
    Scenario: The server sends something that is not a settings file
      Given the configuration server "https://prov.example.com/j100" sends a malformed reply
      And the phone is asking for the configuration server by hand
      When the user enters the configuration server "https://prov.example.com/j100"
      Then the phone asks for the configuration server by hand, saying the settings could not be fetched
