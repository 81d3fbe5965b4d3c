<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>MapView</name>
    <message numerus="yes">
        <source>{country}: %Ln record(s)</source>
        <translation>
            <numerusform>{country}: %Ln record</numerusform>
            <numerusform>{country}: %Ln records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{places}: %Ln record(s)</source>
        <translation>
            <numerusform>{places}: %Ln record</numerusform>
            <numerusform>{places}: %Ln records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln shown</numerusform>
            <numerusform>%Ln shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashView</name>
    <message numerus="yes">
        <source>%Ln deleted record(s).</source>
        <translation>
            <numerusform>%Ln deleted record</numerusform>
            <numerusform>%Ln deleted records</numerusform>
        </translation>
    </message>
</context>
</TS>
